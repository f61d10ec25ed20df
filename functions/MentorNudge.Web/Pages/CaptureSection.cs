using MentorNudge.Infrastructure.Capture;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>Settings → BCC capture: the user's capture address with rotate, and the create-people switch; a short note when the deployment has capture off.</summary>
internal static class CaptureSection
{
    public static Html Render(PageFrame f, CaptureAddress? capture)
    {
        var body = capture is null
            ? Html.Of($"""<p id="capture-off">BCC capture is not set up on this server, so there is no capture address. Its operator can turn it on by configuring an inbound mail domain (see the capture guide in the docs).</p>""")
            : Html.Of($"""
                <p>BCC this address when you write to someone, and MentorNudge logs the outreach and plans the follow-ups. Only mail from your own address counts.</p>
                <p><code class="wrap" id="capture-address">{capture.Address}</code></p>
                <form method="post" action="{f.Root}settings/capture-address/create-people" class="stack">
                {Layout.Csrf(f)}
                <label class="check"><input type="checkbox" name="createPeople" value="true"{(capture.CreatePeople ? Html.Of($" checked") : Html.Empty)}> Add recipients who are not yet in my people</label>
                <button type="submit">Save capture setting</button>
                </form>
                <p>Rotating gives you a new address; the old one stops working at once.</p>
                {Layout.Button(f, "settings/capture-address", "Rotate the capture address")}
                """);
        return Html.Of($"""<section aria-labelledby="capture-h" id="capture"><h2 id="capture-h">BCC capture</h2>{body}</section>""");
    }
}
