using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content.Digest;

/// <summary>Someone past their keep-in-touch interval.</summary>
/// <param name="Person">Who.</param>
/// <param name="LastContact">The last interaction, ask or reply (or when they were added).</param>
/// <param name="DaysSinceLastContact">Whole days since <paramref name="LastContact"/>.</param>
public sealed record LosingTouchEntry(Person Person, Instant LastContact, int DaysSinceLastContact);
