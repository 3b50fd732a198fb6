using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;

namespace BrandPlatform.Discipline.Features.Quizzes;

/// <summary>
/// Whether a sheet fits the paper it answers. A sheet the portal built never fails this; one edited on the way (a
/// question from elsewhere, a question answered twice, an option that does not exist, two selections where one is
/// allowed) is refused whole with each field named, rather than scored as something the member did not answer.
/// </summary>
public static class AnswerSheet
{
    /// <summary>The fields of <paramref name="answers"/> the paper cannot take (answers[i].questionId, answers[i].selected[j], ...); empty when it fits.</summary>
    public static Dictionary<string, string[]> Problems(IReadOnlyList<PaperQuestion> paper, IReadOnlyList<AnswerRequest> answers)
    {
        var questions = paper.ToDictionary(q => q.QuestionId);
        var problems = new Dictionary<string, string[]>();
        var answered = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            var (questionId, selected) = (answers[i].QuestionId!.Value, answers[i].Selected!);
            if (!questions.TryGetValue(questionId, out var question))
            {
                problems[$"answers[{i}].questionId"] = [QuizTexts.QuestionNotOnPaper];
                continue;
            }
            if (!answered.Add(questionId))
            {
                problems[$"answers[{i}].questionId"] = [QuizTexts.AnsweredTwice];
                continue;
            }
            for (var j = 0; j < selected.Count; j++)
            {
                if (selected[j] < 0 || selected[j] >= question.Options.Count)
                {
                    problems[$"answers[{i}].selected[{j}]"] = [string.Format(CultureInfo.CurrentCulture, QuizTexts.OptionOutOfRange, question.Options.Count)];
                }
            }
            if (question.Kind != QuestionKind.MultipleChoice && selected.Distinct().Count() > 1)
            {
                problems[$"answers[{i}].selected"] = [QuizTexts.OneSelectionOnly];
            }
        }
        return problems;
    }
}
