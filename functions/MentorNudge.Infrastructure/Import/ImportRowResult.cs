using MentorNudge.Core.Validation;

namespace MentorNudge.Infrastructure.Import;

/// <summary>The outcome for one contact of an import file.</summary>
/// <param name="Line">1-based line of the file.</param>
/// <param name="Action">Created, updated, unchanged or skipped.</param>
/// <param name="PersonId">The person created or matched (in a dry run, the id it would get is not known: null when created).</param>
/// <param name="Name">The contact's name as read.</param>
/// <param name="Errors">Why it was skipped (empty otherwise).</param>
public sealed record ImportRowResult(int Line, ImportAction Action, string? PersonId, string Name, IReadOnlyList<FieldError> Errors);
