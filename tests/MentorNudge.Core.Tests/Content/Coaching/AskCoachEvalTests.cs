using Xunit.Abstractions;

namespace MentorNudge.Core.Tests.Content.Coaching;

/// <summary>
/// Precision and recall per code on the tuning and held-out sets. Reproduce with
/// <c>dotnet test tests/MentorNudge.Core.Tests --filter Category=CoachEval --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "CoachEval")]
public sealed class AskCoachEvalTests(ITestOutputHelper output)
{
    [Fact]
    public void Coach_OnTuningAndHeldOut_PrintsPrecisionAndRecallPerCode()
    {
        var tuning = CoachEvaluation.Of(AskCorpus.Load(AskCorpus.TuningFile));
        var heldOut = CoachEvaluation.Of(AskCorpus.Load(AskCorpus.HeldOutFile));
        output.WriteLine(tuning.Table($"tuning set ({AskCorpus.TuningFile})"));
        output.WriteLine(heldOut.Table($"held-out set ({AskCorpus.HeldOutFile}, sha256 {AskCorpus.HeldOutSha256[..12]}…)"));

        // Only tuning mismatches are listed: the held-out texts are not read while rules change.
        foreach (var mismatch in tuning.Mismatches)
        {
            output.WriteLine("tuning " + mismatch);
        }

        // The goal of issue 18, met on both sets (docs/content.md reports the figures): a rule change
        // that drops any code below 0.9 on either set fails here. Only aggregates are printed.
        Assert.All(tuning.Scores, s => Assert.True(s.Precision >= 0.9 && s.Recall >= 0.9, $"tuning {s.Code}: {s.Precision:0.000}/{s.Recall:0.000}"));
        Assert.All(heldOut.Scores, s => Assert.True(s.Precision >= 0.9 && s.Recall >= 0.9, $"held-out {s.Code}: {s.Precision:0.000}/{s.Recall:0.000}"));
    }
}
