using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Model;
using MentorNudge.Web.Markup;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>Settings → API tokens: the user's tokens (id, created, expires), a create form, revoke buttons; a new secret shown once.</summary>
internal static class TokensPage
{
    public static Html Render(PageFrame f, User user, IReadOnlyList<StoredApiToken> tokens, string? secret, IReadOnlyDictionary<string, string[]>? errors)
    {
        var zone = user.Settings.Zone;
        var rows = Html.Join(tokens.Select(t => Html.Of($"""
            <tr><td><code>{t.Id}</code></td><td>{Format.When(t.CreatedAt.InZone(zone))}</td><td>{(t.ExpiresAt is { } e ? Format.When(e.InZone(zone)) : "never")}</td>
            <td>{Layout.Button(f, "settings/tokens/" + t.Id + "/revoke", "Revoke", "danger")}</td></tr>
            """)));
        var shown = secret is null ? Html.Empty : Html.Of($"""
            <div class="notice" role="status" id="new-token"><p>Your new token, shown only this once; copy it now:</p><p><code>{secret}</code></p></div>
            """);
        return Layout.Page(f, "API tokens", Html.Of($"""
            {Layout.Errors(errors)}
            {shown}
            <table id="tokens"><thead><tr><th>Id</th><th>Created</th><th>Expires</th><th></th></tr></thead><tbody>{rows}</tbody></table>
            <form method="post" action="{f.Root}settings/tokens" class="stack">
            {Layout.Csrf(f)}
            <label for="expires">Expires after (last day; empty for never)</label><input id="expires" name="expires" type="date">
            <button type="submit" class="primary">Create a token</button>
            </form>
            <p><a href="{f.Root}settings">Back to settings</a></p>
            """));
    }
}
