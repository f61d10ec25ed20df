using System.Text.Json;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Webhooks;

public sealed class WebhookPayloadsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 9, 0);

    private static readonly WebhookDeliveryMessage Message = new(
        "wh-fu-a1-1", "u1", "fu-a1-1", "followUp", "p1", "Ada <Lovelace>", Now, "Follow up with Ada <Lovelace>", "It has been a week *kindly* follow up.");

    [Fact]
    public void Render_Generic_CarriesIdsAndText()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Render(Message, WebhookFormat.Generic, Now));
        Assert.Equal("wh-fu-a1-1", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("nudge.sent", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("fu-a1-1", doc.RootElement.GetProperty("data").GetProperty("nudgeId").GetString());
        Assert.Equal("followUp", doc.RootElement.GetProperty("data").GetProperty("kind").GetString());
        Assert.Equal("2026-11-25T09:00:00Z", doc.RootElement.GetProperty("data").GetProperty("dueAt").GetString());
    }

    [Fact]
    public void Render_GenericTestEvent_TypedWebhookTestSoReceiversCanIgnoreIt()
    {
        var test = Message with { NudgeId = WebhookTestSender.Kind, Kind = WebhookTestSender.Kind, PersonId = null, PersonName = null };
        using var doc = JsonDocument.Parse(WebhookPayloads.Render(test, WebhookFormat.Generic, Now));
        Assert.Equal("webhook.test", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("test", doc.RootElement.GetProperty("data").GetProperty("kind").GetString());
    }

    [Fact]
    public void Render_Slack_HasBlocksAndEscapesAngleBrackets()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Render(Message, WebhookFormat.Slack, Now));
        var blocks = doc.RootElement.GetProperty("blocks");
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("section", blocks[1].GetProperty("type").GetString());
        Assert.Contains("&lt;Lovelace&gt;", doc.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Teams_IsMessageCardWithEscapedMarkdown()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Render(Message, WebhookFormat.Teams, Now));
        Assert.Equal("MessageCard", doc.RootElement.GetProperty("@type").GetString());
        Assert.Contains("\\*kindly\\*", doc.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
