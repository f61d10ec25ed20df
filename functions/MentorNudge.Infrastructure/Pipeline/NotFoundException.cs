namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>The user, person, ask or nudge does not exist for this user (or belongs to another user).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was looked for: <c>user</c>, <c>person</c>, <c>ask</c>, <c>nudge</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The id that was not found.</summary>
    public string? ResourceId { get; init; }

    public static NotFoundException For(string resourceType, string resourceId) =>
        new($"No {resourceType} '{resourceId}'.") { ResourceType = resourceType, ResourceId = resourceId };
}
