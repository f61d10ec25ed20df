using MentorNudge.Infrastructure.Capture;
using NodaTime;

namespace MentorNudge.Infrastructure.Tests.Capture;

/// <summary>The parser on a corpus of real-world-shaped messages (Capture/Corpus/*.eml).</summary>
public sealed class CapturedEmailParserTests
{
    private const string Capture = "log+abcdefghijklmnopqrstuvwxyz@in.mentornudge.example";

    private static CapturedEmail Load(string name) =>
        CapturedEmailParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Capture", "Corpus", name)));

    [Fact]
    public void Parse_GmailAlternativeQuotedPrintable_PlainPartWithoutSignature()
    {
        var mail = Load("gmail-alternative.eml");

        Assert.Equal("CAF9x2Qk3+ZpW7bVn1Lh=8aQe@mail.gmail.com", mail.MessageId);
        Assert.Equal("sam.rivera@gmail.com", mail.From);
        Assert.Equal([("ada@analytical.example", "Ada Lovelace")], mail.Recipients);
        Assert.Contains(Capture, mail.DeliveredTo);
        Assert.Equal("Your talk on platform migrations", mail.Subject);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 9, 14, 27), mail.SentAt);
        Assert.StartsWith("Hi Ada,\n\nI loved your talk on platform migrations \u2014 the part about running both stacks", mail.Text, StringComparison.Ordinal);
        Assert.EndsWith("Thanks,\nSam", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff Engineer", mail.Text, StringComparison.Ordinal);
        Assert.False(mail.SenderAuthenticationFailed);
    }

    [Fact]
    public void Parse_GmailReplyChain_WrappedWroteLineAndQuotesCut()
    {
        var mail = Load("gmail-reply-chain.eml");

        Assert.Equal(
            "Thanks Alan for the intro (moving you to BCC).\n\nGrace, would you be open to a 15-minute call on Thursday about compiler\nteams?",
            mail.Text);
        Assert.Equal(["grace@navy.example", "alan@bletchley.example"], mail.Recipients.Select(r => r.Address));
        Assert.Equal(Instant.FromUtc(2026, 3, 4, 16, 2, 11), mail.SentAt);
    }

    [Fact]
    public void Parse_OutlookHtmlOnlyBase64_TextFromHtmlWithoutHistoryAndEncodedNamesDecoded()
    {
        var mail = Load("outlook-html-only.eml");

        Assert.Equal("RE: Slides \u2013 Z\u00fcrich", mail.Subject);
        Assert.Equal([("jose.mueller@zuerich.example", "Jos\u00e9 M\u00fcller")], mail.Recipients);
        Assert.Equal(
            "Dear Jos\u00e9,\n\nCongratulations on the Z\u00fcrich launch & thanks for the slides. Could you spare 20 minutes next Tuesday to tell me how you staffed the on-call rota?\n\nBest,\nSam",
            mail.Text);
        Assert.Contains(Capture, mail.DeliveredTo, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("P {margin", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutlookOriginalMessageManyRecipients_AllRecipientsAndBccCapture()
    {
        var mail = Load("outlook-original-message.eml");

        Assert.Equal(13, mail.Recipients.Count);
        Assert.Equal(("p01@partners.example", "Person 01"), mail.Recipients[0]);
        Assert.Equal(("min.lee@contoso.example", "Lee, Min"), mail.Recipients[12]);
        Assert.Contains(Capture, mail.DeliveredTo);
        Assert.Equal("Sam.Rivera@Contoso.example", mail.From);
        Assert.Equal("All - I shared the reading list we discussed; could each of you pick one\nchapter to lead on the 19th?\n\nSam", mail.Text);
        Assert.Equal(Instant.FromUtc(2026, 3, 5, 15, 30), mail.SentAt);
    }

    [Fact]
    public void Parse_AppleMailReply_QuotesAndSentFromCutNonAsciiNamesDecoded()
    {
        var mail = Load("apple-mail-reply.eml");

        Assert.Equal([("taro.yamada@kyoto.example", "\u5c71\u7530\u592a\u90ce")], mail.Recipients);
        Assert.Equal(
            "Yamada-san, thank you for the book tip \u2014 I finished it this weekend.\n\nWould you be open to a short call next Friday morning your time?",
            mail.Text);
        Assert.Equal("4F1C2D3E-5A6B-4C7D-8E9F-0A1B2C3D4E5F@icloud.example", mail.MessageId);
        Assert.Equal(Instant.FromUtc(2026, 3, 5, 22, 45, 12), mail.SentAt);
    }

    [Fact]
    public void Parse_ForwardedWithAttachment_OnlyTheNoteAboveTheForward()
    {
        var mail = Load("gmail-forwarded.eml");

        Assert.Equal(
            "Katherine, this CFP looks like a great fit for your trajectory work - happy\nto review a draft abstract this week if useful.",
            mail.Text);
        Assert.Equal("Fwd: Conference CFP", mail.Subject);
    }

    [Fact]
    public void Parse_DmarcFailed_Flagged()
    {
        Assert.True(Load("foreign-sender.eml").SenderAuthenticationFailed);
    }

    [Fact]
    public void Parse_NoMessageId_StableHashOfRawMessage()
    {
        var raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n\r\nHello\r\n"u8.ToArray();

        var first = CapturedEmailParser.Parse(raw);
        var second = CapturedEmailParser.Parse(raw);

        Assert.StartsWith("sha256:", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Null(first.SentAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Subject: no sender\r\n\r\nbody\r\n")]
    [InlineData("From: not an address\r\n\r\nbody\r\n")]
    public void Parse_NoFromAddress_FormatException(string raw)
    {
        Assert.Throws<FormatException>(() => CapturedEmailParser.Parse(System.Text.Encoding.UTF8.GetBytes(raw)));
    }
}
