using MentorNudge.Core.Content;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.SignIn;

/// <summary>The sign-in email: one button, the same link as text, and what to do if it was not you.</summary>
internal static class SignInEmail
{
    public const string Kind = "signIn";

    public static EmailMessage Create(string to, Uri link, string product, TimeSpan lifetime)
    {
        var minutes = (int)lifetime.TotalMinutes;
        var subject = $"Your {product} sign-in link";
        var html = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{subject}</title></head>
            <body style="margin:0;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2937;">
            <div style="max-width:600px;margin:0 auto;overflow-wrap:anywhere;">
            <h1 style="font-size:20px;margin:0 0 16px 0;">Sign in to {product}</h1>
            <p style="margin:0 0 16px 0;"><a href="{link.AbsoluteUri}" style="display:inline-block;padding:10px 16px;border-radius:6px;background-color:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600;">Sign in</a></p>
            <p style="margin:0 0 12px 0;">The link works once, for {minutes} minutes. If you did not ask for it, ignore this email: nothing happens without the link.</p>
            </div></body></html>
            """);
        var text = $"Sign in to {product}:\n\n{link.AbsoluteUri}\n\nThe link works once, for {minutes} minutes. If you did not ask for it, ignore this email.\n";
        return new EmailMessage(
            to,
            null,
            subject,
            html.Value,
            text,
            new Dictionary<string, string> { ["X-MentorNudge-Kind"] = Kind },
            "signin-" + WebAuthStore.Hash(link.AbsoluteUri)[..24]);
    }
}
