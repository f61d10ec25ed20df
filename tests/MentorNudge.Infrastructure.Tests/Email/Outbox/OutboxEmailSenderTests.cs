using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Email.Outbox;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 9, 0));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mn-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private OutboxEmailSender Sender() =>
        new(Options.Create(new OutboxEmailOptions { Folder = _folder }), _clock, NullLogger<OutboxEmailSender>.Instance);

    [Fact]
    public async Task SendAsync_NewMessage_WritesEmlHtmlViewAndIndex()
    {
        var result = await Sender().SendAsync(TestEmails.Digest("nudge-1"));

        Assert.Equal(EmailSendOutcome.Sent, result.Outcome);
        var eml = Path.Combine(_folder, result.ProviderMessageId!);
        Assert.Equal("20261126T090000000Z-" + EmailMessageKeys.Hash("nudge-1", 20) + ".eml", result.ProviderMessageId);
        using var mime = await MimeMessage.LoadAsync(eml);
        Assert.Equal(EmailMessageKeys.MessageId("nudge-1"), mime.MessageId);
        Assert.Equal("Your weekly add-value digest", mime.Subject);
        Assert.Equal("weeklyDigest", mime.Headers["X-MentorNudge-Kind"]);
        Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.True(File.Exists(Path.ChangeExtension(eml, ".html")));
        var index = await File.ReadAllTextAsync(Path.Combine(_folder, OutboxEmailSender.IndexFileName));
        Assert.Contains($"href=\"{Path.GetFileNameWithoutExtension(eml)}.html\"", index, StringComparison.Ordinal);
        Assert.Contains("weeklyDigest", index, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace &lt;ada@example.com&gt;", index, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_WritesOneFile()
    {
        var sender = Sender();
        var first = await sender.SendAsync(TestEmails.Digest("nudge-1"));
        _clock.AdvanceMinutes(5);

        var second = await sender.SendAsync(TestEmails.Digest("nudge-1"));

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(_folder, "*.eml"));
    }

    [Fact]
    public async Task SendAsync_HostileSubjectAndName_AreEscapedAndNeverInFileNames()
    {
        var message = TestEmails.Digest("../../etc/passwd", subject: "<script>alert(1)</script> & \"quotes\"") with { ToName = "<img src=x onerror=alert(1)>" };

        var result = await Sender().SendAsync(message);

        Assert.Matches("^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{20}\\.eml$", result.ProviderMessageId);
        Assert.All(Directory.GetFiles(_folder), f => Assert.Equal(_folder, Path.GetDirectoryName(f)));
        var index = await File.ReadAllTextAsync(Path.Combine(_folder, OutboxEmailSender.IndexFileName));
        var view = await File.ReadAllTextAsync(Path.Combine(_folder, Path.ChangeExtension(result.ProviderMessageId!, ".html")));
        foreach (var page in new[] { index, view })
        {
            Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SendAsync_ListsNewestFirst()
    {
        var sender = Sender();
        await sender.SendAsync(TestEmails.Digest("old", subject: "Older one"));
        _clock.AdvanceHours(1);
        await sender.SendAsync(TestEmails.Digest("new", subject: "Newer one"));

        var index = await File.ReadAllTextAsync(Path.Combine(_folder, OutboxEmailSender.IndexFileName));

        Assert.True(index.IndexOf("Newer one", StringComparison.Ordinal) < index.IndexOf("Older one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ManyConcurrentSends_IndexListsEveryEmail()
    {
        // Two sender instances, as two hosts sharing a folder would have.
        var a = Sender();
        var b = Sender();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? a : b).SendAsync(TestEmails.Digest("n" + i, subject: "Subject number " + i))));

        Assert.All(results, r => Assert.Equal(EmailSendOutcome.Sent, r.Outcome));
        Assert.Equal(24, Directory.GetFiles(_folder, "*.eml").Length);
        var index = await File.ReadAllTextAsync(Path.Combine(_folder, OutboxEmailSender.IndexFileName));
        for (var i = 0; i < 24; i++)
        {
            Assert.Contains($">Subject number {i}</a>", index, StringComparison.Ordinal);
        }
    }
}
