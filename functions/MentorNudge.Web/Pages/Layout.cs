using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>The frame of every page: skip link, navigation (when signed in), one <c>main</c>, no inline script or style.</summary>
internal static class Layout
{
    public static Html Page(PageFrame frame, string title, Html body)
    {
        var nav = frame.SignedIn
            ? Html.Of($"""
                <nav aria-label="Main"><ul class="nav">
                {NavItem(frame, "", "This week", "week")}
                {NavItem(frame, "people", "People", "people")}
                {NavItem(frame, "schedule", "Schedule", "schedule")}
                {NavItem(frame, "settings", "Settings", "settings")}
                <li><form method="post" action="{frame.Root}signout"><input type="hidden" name="csrf" value="{frame.Csrf}"><button type="submit" class="link">Sign out</button></form></li>
                </ul></nav>
                """)
            : Html.Empty;
        var flash = frame.Flash is { Length: > 0 } f ? Html.Of($"""<p class="flash" role="status">{f}</p>""") : Html.Empty;
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="{frame.Csrf}">
            <title>{title} · MentorNudge</title>
            <link rel="stylesheet" href="{frame.Root}assets/app.css">
            <script src="{frame.Root}assets/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top"><a class="brand" href="{frame.Root}">MentorNudge</a>{nav}</header>
            <main id="main" tabindex="-1">
            {flash}
            <h1>{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """);
    }

    private static Html NavItem(PageFrame frame, string path, string label, string key) =>
        frame.Current == key
            ? Html.Of($"""<li><a href="{frame.Root}{path}" aria-current="page">{label}</a></li>""")
            : Html.Of($"""<li><a href="{frame.Root}{path}">{label}</a></li>""");

    /// <summary>A hidden CSRF field for a form.</summary>
    public static Html Csrf(PageFrame frame) => Html.Of($"""<input type="hidden" name="csrf" value="{frame.Csrf}">""");

    /// <summary>A one-button form posting to <paramref name="action"/>.</summary>
    public static Html Button(PageFrame frame, string action, string label, string cssClass = "", Html extra = default) =>
        Html.Of($"""<form method="post" action="{frame.Root}{action}" class="inline">{Csrf(frame)}{extra}<button type="submit" class="{cssClass}">{label}</button></form>""");

    /// <summary>Field errors as a list tied to the form by id.</summary>
    public static Html Errors(IReadOnlyDictionary<string, string[]>? errors) =>
        errors is null || errors.Count == 0
            ? Html.Empty
            : Html.Of($"""<div class="errors" role="alert"><p>Please fix:</p><ul>{errors.SelectMany(e => e.Value.Select(m => Html.Of($"<li>{e.Key}: {m}</li>")))}</ul></div>""");
}
