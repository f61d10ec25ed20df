using MentorNudge.Core.Content.Coaching;

namespace MentorNudge.Core.Tests.Content.Coaching;

public sealed class AskCorpusTests
{
    [Fact]
    public void Corpus_HasAtLeast250LabelledAsksWithValidCodes()
    {
        var all = AskCorpus.All();
        Assert.True(all.Count >= 250, $"corpus has {all.Count} examples");
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
        Assert.All(all, e => Assert.All(e.Codes, code => Assert.Contains(code, CoachCodes.All)));
        Assert.All(all, e => Assert.NotEmpty(e.Why));
        Assert.True(all.Count(e => e.Codes.Length == 0) >= 30, "too few good asks");
    }

    [Fact]
    public void Corpus_NewExamples_GiveAReasonForEveryLabel()
    {
        // The original 82 carry their source; every example written for issue 18 explains each label.
        foreach (var e in AskCorpus.All().Where(e => !e.Why.ContainsKey("source")))
        {
            Assert.All(e.Codes, code => Assert.True(e.Why.ContainsKey(code), $"{e.Id}: no reason for {code}"));
            Assert.All(e.Why.Keys, key => Assert.Equal(key.StartsWith('!'), !e.Codes.Contains(key.TrimStart('!'))));
        }
    }

    [Fact]
    public void Corpus_TooLongLabel_MatchesTheWordCount() =>
        Assert.All(AskCorpus.All(), e => Assert.Equal(
            e.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > AskCoach.MaxWords,
            e.Codes.Contains(CoachCodes.TooLong)));

    [Fact]
    public void HeldOut_File_IsFrozen() =>
        Assert.Equal(AskCorpus.HeldOutSha256, AskCorpus.Sha256Of(AskCorpus.HeldOutFile));

    [Fact]
    public void HeldOut_IsTheRecordedStratifiedSplit()
    {
        var all = AskCorpus.All();
        var heldOut = AskCorpus.Load(AskCorpus.HeldOutFile).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(AskCorpus.StratifiedHeldOutIds(all).Order(StringComparer.Ordinal), heldOut.Order(StringComparer.Ordinal));
        Assert.True(heldOut.Count >= 0.4 * all.Count, $"held-out is {heldOut.Count} of {all.Count}");
    }

    [Fact]
    public void HeldOut_HasTenMustAndTenMustNotPerCode()
    {
        var heldOut = AskCorpus.Load(AskCorpus.HeldOutFile);
        foreach (var code in CoachCodes.All)
        {
            Assert.True(heldOut.Count(e => e.Codes.Contains(code)) >= 10, $"too few held-out examples of {code}");
            Assert.True(heldOut.Count(e => !e.Codes.Contains(code)) >= 10, $"too few held-out examples without {code}");
        }
    }
}
