using NodaTime;

namespace MentorNudge.Api.Contracts;

/// <summary>Weekly digest settings in requests and answers.</summary>
public sealed record WeeklyDigestRequest(IsoDayOfWeek? Day, LocalTime? Time, int? MaxPrompts, bool? Enabled);
