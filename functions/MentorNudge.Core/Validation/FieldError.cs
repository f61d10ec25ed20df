namespace MentorNudge.Core.Validation;

/// <summary>One invalid input field and what to do about it.</summary>
/// <param name="Field">camelCase JSON path of the field, e.g. <c>timeZone</c>, <c>followUp.maxFollowUps</c>, <c>emails[1]</c>.</param>
/// <param name="Message">What is wrong and what is accepted.</param>
public sealed record FieldError(string Field, string Message);
