namespace MentorNudge.Core.Tests.Content.Coaching;

/// <summary>Counts for one code: true and false positives, false negatives, and examples that must not get it.</summary>
internal sealed record CodeScore(string Code, int TruePositives, int FalsePositives, int FalseNegatives, int Negatives)
{
    public int Positives => TruePositives + FalseNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => Positives == 0 ? 1.0 : (double)TruePositives / Positives;
}
