using System.Globalization;
using System.Text;
using MentorNudge.Core.Content.Coaching;

namespace MentorNudge.Core.Tests.Content.Coaching;

/// <summary>Precision and recall of the coach per code over a set of labelled asks.</summary>
internal sealed record CoachEvaluation(IReadOnlyList<CodeScore> Scores, IReadOnlyList<string> Mismatches)
{
    public static CoachEvaluation Of(IReadOnlyList<AskExample> examples)
    {
        var results = examples
            .Select(e => (e.Id, Expected: e.Codes.ToHashSet(StringComparer.Ordinal),
                Actual: AskCoach.Coach(e.Text, e.ConnectionKind, e.HasPriorValue).Findings.Select(f => f.Code).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var scores = CoachCodes.All.Select(code => new CodeScore(
                code,
                results.Count(r => r.Expected.Contains(code) && r.Actual.Contains(code)),
                results.Count(r => !r.Expected.Contains(code) && r.Actual.Contains(code)),
                results.Count(r => r.Expected.Contains(code) && !r.Actual.Contains(code)),
                results.Count(r => !r.Expected.Contains(code))))
            .ToList();
        var mismatches = results.Where(r => !r.Expected.SetEquals(r.Actual))
            .Select(r => $"{r.Id}: missed [{string.Join(", ", r.Expected.Except(r.Actual))}] extra [{string.Join(", ", r.Actual.Except(r.Expected))}]"
                + $" requests: {string.Join(" | ", AskText.Parse(examples.First(e => e.Id == r.Id).Text).Requests.Select(c => c.Text))}")
            .ToList();
        return new CoachEvaluation(scores, mismatches);
    }

    public string Table(string title)
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{title}");
        builder.AppendLine("| code | must | must not | precision | recall |");
        builder.AppendLine("|---|---|---|---|---|");
        foreach (var s in Scores)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {s.Code} | {s.Positives} | {s.Negatives} | {s.Precision:0.000} | {s.Recall:0.000} |");
        }

        return builder.ToString();
    }
}
