namespace MentorNudge.Infrastructure.Tests.Email.Acs;

/// <summary>A fact that is skipped, with the reason, when the ACS REST spec fixtures are absent.</summary>
public sealed class AcsFixturesFactAttribute : FactAttribute
{
    public AcsFixturesFactAttribute()
    {
        if (AcsFixtures.Folder is null)
        {
            Skip = "ACS Email REST spec fixtures not found (expected ../shared/fixtures/acs-email/2025-09-01 beside the repository root).";
        }
    }
}
