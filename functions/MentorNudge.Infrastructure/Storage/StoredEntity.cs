using Azure;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>A domain record with the ETag of the row it was read from.</summary>
public sealed record StoredEntity<T>(T Value, ETag ETag);
