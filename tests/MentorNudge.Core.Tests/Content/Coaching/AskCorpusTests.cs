using System.Globalization;
using System.Text.Json;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;
using Xunit.Abstractions;

namespace MentorNudge.Core.Tests.Content.Coaching;

public sealed class AskCorpusTests(ITestOutputHelper output)
{
    private sealed record Example(string Id, string Connection, bool HasPriorValue, string[] Codes, string Text);

    internal static IReadOnlyList<(string Id, string Text, Connection Connection, bool HasPriorValue, HashSet<string> Codes)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "Coaching", "ask-corpus.json");
        var examples = JsonSerializer.Deserialize<Example[]>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return examples
            .Select(e => (e.Id, e.Text, e.Connection == "admired" ? Connection.Admired : Connection.Existing, e.HasPriorValue, e.Codes.ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    [Fact]
    public void Corpus_IsLargeAndCoversEveryCode()
    {
        var corpus = Load();
        Assert.True(corpus.Count >= 60, $"corpus has {corpus.Count} examples");
        Assert.Equal(corpus.Count, corpus.Select(c => c.Id).Distinct().Count());
        Assert.All(corpus, c => Assert.All(c.Codes, code => Assert.Contains(code, CoachCodes.All)));
        foreach (var code in CoachCodes.All)
        {
            Assert.True(corpus.Count(c => c.Codes.Contains(code)) >= 4, $"too few examples of {code}");
        }

        Assert.True(corpus.Count(c => c.Codes.Count == 0) >= 15, "too few good asks");
    }

    [Fact]
    public void Coach_OnCorpus_PrecisionAndRecallAtLeast90PercentPerCode()
    {
        var corpus = Load();
        var results = corpus.Select(c => (c.Id, Expected: c.Codes, Actual: AskCoach.Coach(c.Text, c.Connection, c.HasPriorValue).Findings.Select(f => f.Code).ToHashSet(StringComparer.Ordinal))).ToList();

        foreach (var r in results.Where(r => !r.Expected.SetEquals(r.Actual)))
        {
            output.WriteLine($"{r.Id}: missed [{string.Join(", ", r.Expected.Except(r.Actual))}] extra [{string.Join(", ", r.Actual.Except(r.Expected))}]");
        }

        var failures = new List<string>();
        output.WriteLine($"corpus: {corpus.Count} examples");
        output.WriteLine("code | positives | precision | recall");
        foreach (var code in CoachCodes.All)
        {
            var tp = results.Count(r => r.Expected.Contains(code) && r.Actual.Contains(code));
            var fp = results.Count(r => !r.Expected.Contains(code) && r.Actual.Contains(code));
            var fn = results.Count(r => r.Expected.Contains(code) && !r.Actual.Contains(code));
            var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{code} | {tp + fn} | {precision:0.000} | {recall:0.000}"));
            if (precision < 0.9 || recall < 0.9)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{code}: precision {precision:0.000}, recall {recall:0.000}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
