using BrandPlatform.Discipline.Domain;

namespace BrandPlatform.Discipline.Features.Quizzes;

/// <summary>
/// A member's attempt as that member sees it (nobody else sees it): the paper's questions, and once a sheet was
/// submitted, the member's selections, the score, and the correct options with their explanations. Before that no
/// answer key leaves the service: a reopened quiz is answered on the same paper.
/// </summary>
public sealed record AttemptResponse(
    Guid Id, Guid CampaignId, int Number, AttemptState State, DateTimeOffset StartedAt, DateTimeOffset Deadline, int TimeLimitMinutes,
    int PassMark, bool Expired, DateTimeOffset? SubmittedAt, int? Score, bool? Passed, DateTimeOffset? ReopenedAt, string? ReopenReason,
    IReadOnlyList<QuestionResponse> Questions)
{
    public static AttemptResponse From(QuizAttempt attempt, WarningCampaign campaign, DateTimeOffset now)
    {
        var submitted = attempt.SubmittedAt is not null;
        var selections = attempt.Answers.ToDictionary(a => a.QuestionId, a => a.Selected);
        return new(attempt.Id, attempt.CampaignId, attempt.Number, attempt.State, attempt.StartedAt, attempt.Deadline, campaign.Quiz.TimeLimitMinutes,
            campaign.Quiz.PassMark, attempt.IsExpired(now), attempt.SubmittedAt, attempt.Score, attempt.Passed, attempt.ReopenedAt, attempt.ReopenReason,
            [.. campaign.Paper.Select(q => submitted
                ? QuestionResponse.Marked(q, selections.GetValueOrDefault(q.QuestionId, []))
                : new QuestionResponse(q.QuestionId, q.Kind, q.Stem, q.Options, null, null, null, null))]);
    }
}

/// <param name="Selected">The member's selections (submitted sheets only; empty when left unanswered).</param>
/// <param name="CorrectOptions">The answer key (submitted sheets only).</param>
/// <param name="Correct">Whether the selections earn the question's marks (submitted sheets only).</param>
public sealed record QuestionResponse(
    Guid QuestionId, QuestionKind Kind, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int>? Selected,
    IReadOnlyList<int>? CorrectOptions, string? Explanation, bool? Correct)
{
    public static QuestionResponse Marked(PaperQuestion question, IReadOnlyList<int> selected) => new(
        question.QuestionId, question.Kind, question.Stem, question.Options, selected, question.CorrectOptions, question.Explanation,
        question.IsAnsweredBy([.. selected]));
}

/// <summary>One of the caller's attempts at a campaign's quiz, in a list of their own.</summary>
public sealed record AttemptSummary(
    Guid Id, int Number, AttemptState State, DateTimeOffset StartedAt, DateTimeOffset Deadline, bool Expired, DateTimeOffset? SubmittedAt,
    int? Score, bool? Passed)
{
    public static AttemptSummary From(QuizAttempt attempt, DateTimeOffset now) => new(
        attempt.Id, attempt.Number, attempt.State, attempt.StartedAt, attempt.Deadline, attempt.IsExpired(now), attempt.SubmittedAt, attempt.Score,
        attempt.Passed);
}

/// <summary>A reopened attempt as the office sees it: whose, which, and why; passed or not, never the score or answers.</summary>
public sealed record ReopenedResponse(
    Guid Id, Guid CampaignId, Guid PersonId, int Number, AttemptState State, bool? Passed, DateTimeOffset ReopenedAt, string ReopenedBy,
    string ReopenReason)
{
    public static ReopenedResponse From(QuizAttempt attempt) => new(
        attempt.Id, attempt.CampaignId, attempt.PersonId, attempt.Number, attempt.State, attempt.Passed, attempt.ReopenedAt!.Value,
        attempt.ReopenedBy!, attempt.ReopenReason!);
}
