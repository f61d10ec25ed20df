using System.Security.Cryptography;
using System.Text.Json;
using MentorNudge.Core.Content.Coaching;

namespace MentorNudge.Core.Tests.Content.Coaching;

/// <summary>
/// The labelled asks (see docs/content.md, "Corpus and figures"): a tuning set the rules may be
/// fitted on, and a held-out set frozen before any rule change, used only to report.
/// </summary>
internal static class AskCorpus
{
    public const string TuningFile = "ask-corpus.tuning.jsonl";
    public const string HeldOutFile = "ask-corpus.heldout.jsonl";

    /// <summary>SHA-256 of the held-out file as frozen; also recorded in docs/content.md.</summary>
    public const string HeldOutSha256 = "cb5975962a0d525fcc51d75635272e2b0fcf162b26234a7e76f87112ec0f0eb6";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Content", "Coaching", file);

    public static IReadOnlyList<AskExample> Load(string file) =>
        File.ReadLines(PathOf(file))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<AskExample>(line, Json)!)
            .ToList();

    public static IReadOnlyList<AskExample> All() => [.. Load(TuningFile), .. Load(HeldOutFile)];

    public static string Sha256Of(string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathOf(file))));

    /// <summary>
    /// The split as it was made once: each example's stratum is its rarest code (ties in
    /// <see cref="CoachCodes.All"/> order; "none" without codes); within a stratum, examples sorted
    /// by SHA-256 of their id go to the held-out set 9 in every 20 (45 %).
    /// </summary>
    public static IReadOnlySet<string> StratifiedHeldOutIds(IReadOnlyList<AskExample> all)
    {
        var counts = CoachCodes.All.ToDictionary(c => c, c => all.Count(e => e.Codes.Contains(c)));
        var rarest = CoachCodes.All.OrderBy(c => counts[c]).ThenBy(c => CoachCodes.All.ToList().IndexOf(c)).ToList();
        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stratum in all.GroupBy(e => rarest.FirstOrDefault(e.Codes.Contains) ?? "none"))
        {
            var ordered = stratum.OrderBy(e => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(e.Id))), StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if ((i + 1) * 9 / 20 > i * 9 / 20)
                {
                    heldOut.Add(ordered[i].Id);
                }
            }
        }

        return heldOut;
    }
}
