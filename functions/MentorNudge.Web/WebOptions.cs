namespace MentorNudge.Web;

/// <summary>The web app's settings, bound from <c>MentorNudge:Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "MentorNudge:Web";

    /// <summary>Whether an unknown email may create an account through a sign-in link (off by default; the local host turns it on).</summary>
    public bool SelfSignUp { get; set; }

    /// <summary>How long a sign-in link works (it works once).</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a session lasts without signing in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);
}
