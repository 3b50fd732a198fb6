namespace BrandPlatform.Portal.Components.Discipline;

// The discipline API's answers as the campaign and quiz screens read them (services/Discipline: Campaigns, Quizzes,
// Coverage, Library). Enum values stay the API's camelCase codes; DisciplineText names them in the person's language.

public sealed record CampaignCaseView(Guid Id, string Title);

public sealed record QuizTerms(int QuestionCount, int TimeLimitMinutes, int PassMark);

public sealed record CampaignView(
    Guid Id, int Year, int Quarter, string Theme, IReadOnlyList<CampaignCaseView> Cases, int RequiredSessionsPerBranch, QuizTerms Quiz,
    string State, DateTimeOffset LaunchedAt, DateTimeOffset? ClosedAt);

public sealed record CaseItem(Guid Id, string Title, DateOnly PublishedOn);

public sealed record QuestionView(
    Guid QuestionId, string Kind, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int>? Selected, IReadOnlyList<int>? CorrectOptions,
    string? Explanation, bool? Correct);

public sealed record AttemptView(
    Guid Id, Guid CampaignId, int Number, string State, DateTimeOffset StartedAt, DateTimeOffset Deadline, int TimeLimitMinutes, int PassMark,
    bool Expired, DateTimeOffset? SubmittedAt, int? Score, bool? Passed, IReadOnlyList<QuestionView> Questions);

public sealed record AttemptSummary(
    Guid Id, int Number, string State, DateTimeOffset StartedAt, DateTimeOffset Deadline, bool Expired, DateTimeOffset? SubmittedAt, int? Score, bool? Passed)
{
    /// <summary>
    /// Whether this latest attempt stands, so no other can start (services/Discipline QuizAttempt.NumberAfter): submitted or
    /// run out of time; only the office's reopening gives another. In progress with time left, starting answers it again.
    /// </summary>
    public bool Stands => State == "submitted" || Expired;
}

public sealed record BranchFigure(Guid BranchId, string BranchName, int Members, int Attended, int MadeUp, int QuizPassed, int Covered);

public sealed record CampaignCoverage(Guid CampaignId, int Year, int Quarter, DateOnly ReferenceDay, int Members, int Covered, IReadOnlyList<BranchFigure> Branches);

public sealed record NotCoveredMember(Guid PersonId, string DisplayName, IReadOnlyList<string> Missing);

public sealed record BranchCampaignCoverage(Guid CampaignId, DateOnly ReferenceDay, BranchFigure Figures, IReadOnlyList<NotCoveredMember> NotCovered);

public sealed record ReopenedView(Guid Id, Guid PersonId, int Number, DateTimeOffset ReopenedAt, string ReopenReason);

// What the screens send: exactly the fields of the API's requests.

public sealed record QuizBody(int? QuestionCount, int? TimeLimitMinutes, int? PassMark);

public sealed record LaunchBody(int? Year, int? Quarter, string? Theme, IReadOnlyList<Guid> CaseIds, int? RequiredSessionsPerBranch, QuizBody Quiz);

public sealed record AnswerBody(Guid QuestionId, IReadOnlyList<int> Selected);

public sealed record SubmitBody(IReadOnlyList<AnswerBody> Answers);

public sealed record ReopenBody(string? Reason);
