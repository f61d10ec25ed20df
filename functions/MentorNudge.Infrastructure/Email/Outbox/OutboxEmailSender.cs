using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using MentorNudge.Infrastructure.Email.Mime;
using MentorNudge.Core.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace MentorNudge.Infrastructure.Email.Outbox;

/// <summary>
/// Writes each email as <c>&lt;time&gt;-&lt;key hash&gt;.eml</c> plus a readable <c>.html</c> view into a
/// folder, and keeps an <c>index.html</c> listing them newest first. File names carry no user
/// text; the same message key always maps to the same file, so a repeated send writes nothing.
/// </summary>
public sealed class OutboxEmailSender(IOptions<OutboxEmailOptions> options, IClock clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    /// <summary>The index file's name.</summary>
    public const string IndexFileName = "index.html";

    private const int HashLength = 20;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);

    private readonly OutboxEmailOptions _options = options.Value;

    public string Name => "outbox";

    /// <summary>The folder the files go to (absolute).</summary>
    public string Folder => Path.GetFullPath(_options.Folder);

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = Folder;
        Directory.CreateDirectory(folder);
        var hash = EmailMessageKeys.Hash(message.MessageKey, HashLength);

        // One writer per folder at a time: in this process by a semaphore, across processes by a lock file.
        var gate = FolderLocks.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var fileLock = await AcquireFileLockAsync(folder, cancellationToken).ConfigureAwait(false);

            var existing = Directory.EnumerateFiles(folder, "*-" + hash + ".eml").FirstOrDefault();
            if (existing is not null)
            {
                logger.LogInformation("Outbox already holds email {FileName}; not writing it again", Path.GetFileName(existing));
                return EmailSendResult.Sent(Path.GetFileName(existing));
            }

            var now = clock.GetCurrentInstant();
            var baseName = now.ToDateTimeUtc().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + hash;
            var from = new MailboxAddress(_options.SenderName, _options.SenderAddress);
            using var mime = EmailMimeBuilder.Build(message, from, now.ToDateTimeOffset());

            using (var eml = new MemoryStream())
            {
                await mime.WriteToAsync(eml, cancellationToken).ConfigureAwait(false);
                await WriteAtomicallyAsync(Path.Combine(folder, baseName + ".html"), Encoding.UTF8.GetBytes(RenderView(message, now)), cancellationToken).ConfigureAwait(false);
                // The .eml goes last: its presence is what marks the email as sent.
                await WriteAtomicallyAsync(Path.Combine(folder, baseName + ".eml"), eml.ToArray(), cancellationToken).ConfigureAwait(false);
            }

            await WriteIndexAsync(folder, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Wrote email {FileName} to the outbox", baseName + ".eml");
            return EmailSendResult.Sent(baseName + ".eml");
        }
        catch (IOException ex)
        {
            logger.LogWarning("Outbox write failed: {Error}", ex.GetType().Name);
            return EmailSendResult.Transient("outbox: " + ex.GetType().Name);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ".outbox.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllBytesAsync(temp, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    private static async Task WriteIndexAsync(string folder, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxIndexEntry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            try
            {
                using var mime = await MimeMessage.LoadAsync(file, cancellationToken).ConfigureAwait(false);
                entries.Add(new OutboxIndexEntry(
                    Path.GetFileNameWithoutExtension(file),
                    mime.Date,
                    mime.Headers["X-MentorNudge-Kind"] ?? "",
                    mime.To.Mailboxes.FirstOrDefault() is { } to ? (string.IsNullOrEmpty(to.Name) ? to.Address : $"{to.Name} <{to.Address}>") : "",
                    mime.Subject ?? ""));
            }
            catch (FormatException)
            {
                // A foreign or damaged file is left out of the index rather than breaking it.
            }
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>MentorNudge outbox</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}</style>")
            .Append("</head><body><h1>MentorNudge outbox</h1>\n<table><thead><tr><th>Time (UTC)</th><th>Kind</th><th>To</th><th>Subject</th><th>File</th></tr></thead><tbody>\n");
        foreach (var entry in entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.BaseName, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(E(entry.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(E(entry.Kind))
                .Append("</td><td>").Append(E(entry.Recipient))
                .Append("</td><td><a href=\"").Append(E(entry.BaseName + ".html")).Append("\">").Append(E(entry.Subject)).Append("</a>")
                .Append("</td><td><a href=\"").Append(E(entry.BaseName + ".eml")).Append("\">.eml</a></td></tr>\n");
        }

        html.Append("</tbody></table></body></html>\n");
        await WriteAtomicallyAsync(Path.Combine(folder, IndexFileName), Encoding.UTF8.GetBytes(html.ToString()), cancellationToken).ConfigureAwait(false);
    }

    private static string RenderView(EmailMessage message, Instant sentAt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(message.Subject)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem}iframe{width:100%;height:70vh;border:1px solid #ccc}dt{font-weight:bold}</style></head><body>\n")
            .Append("<p><a href=\"index.html\">&larr; outbox</a></p><dl>")
            .Append("<dt>Time (UTC)</dt><dd>").Append(E(sentAt.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append("</dd>")
            .Append("<dt>To</dt><dd>").Append(E(string.IsNullOrEmpty(message.ToName) ? message.To : $"{message.ToName} <{message.To}>")).Append("</dd>")
            .Append("<dt>Subject</dt><dd>").Append(E(message.Subject)).Append("</dd>");
        foreach (var (name, value) in message.Headers)
        {
            html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }

        // The body is shown in a sandboxed frame: no script runs and its styles stay inside.
        html.Append("</dl>\n<iframe sandbox title=\"HTML body\" srcdoc=\"").Append(E(message.Html)).Append("\"></iframe>\n")
            .Append("<h2>Plain text</h2><pre>").Append(E(message.Text)).Append("</pre></body></html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private sealed record OutboxIndexEntry(string BaseName, DateTimeOffset Date, string Kind, string Recipient, string Subject);
}
