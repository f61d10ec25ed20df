using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>The sign-in pages: ask for a link, "check your email", and the confirm step of a link (mail scanners prefetch links; only the button signs in).</summary>
internal static class SignInPage
{
    public static Html Form(PageFrame f, string? error = null) => Layout.Page(f, "Sign in", Html.Of($"""
        <p class="lead">Enter your email and we will send you a sign-in link.</p>
        {(error is null ? Html.Empty : Html.Of($"""<div class="errors" role="alert"><p>{error}</p></div>"""))}
        <form method="post" action="{f.Root}signin" class="stack narrow">
        {Layout.Csrf(f)}
        <input type="hidden" name="timeZone" id="browser-zone" value="">
        <label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="email" maxlength="254">
        <button type="submit" class="primary">Send me a link</button>
        </form>
        """));

    public static Html Sent(PageFrame f) => Layout.Page(f, "Check your email", Html.Of($"""
        <p class="lead">If that address can sign in, a link is on its way. It works once, for a short time.</p>
        <p><a href="{f.Root}signin">Send another</a></p>
        """));

    public static Html Confirm(PageFrame f, string token) => Layout.Page(f, "Sign in", Html.Of($"""
        <form method="post" action="{f.Root}signin/{token}" class="stack narrow">
        {Layout.Csrf(f)}
        <button type="submit" class="primary">Sign in to MentorNudge</button>
        </form>
        """));

    public static Html Expired(PageFrame f) => Layout.Page(f, "That link does not work", Html.Of($"""
        <p class="lead">Sign-in links work once and only for a short time.</p>
        <p><a href="{f.Root}signin">Get a new link</a></p>
        """));
}
