namespace MentorNudge.Infrastructure.UseCases;

/// <summary>
/// A store that keeps rows about a user outside the user's partition (a lookup keyed by
/// something else). <see cref="Users.EraseAsync"/> calls every registered one before the
/// partition goes, so an erasure through any door (API, web app) forgets the same things.
/// Implementations must tolerate rows already gone: an erasure that failed half-way is retried.
/// </summary>
public interface IUserDataEraser
{
    Task EraseUserAsync(string userId, string email, CancellationToken cancellationToken);
}
