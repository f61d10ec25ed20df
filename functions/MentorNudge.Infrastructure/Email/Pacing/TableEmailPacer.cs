using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Infrastructure.Email.Pacing;

/// <summary>
/// A quota limiter shared by every instance: one table entity holds the instants of the sends of
/// the last hour, updated with ETag-checked writes so two instances never take the same slot.
/// </summary>
public sealed class TableEmailPacer : IEmailPacer
{
    private const string PartitionKey = "pacing";
    private const string GrantsProperty = "Grants";
    private const int MaxAttempts = 50;

    private readonly TableClient _table;
    private readonly EmailQuotaOptions _options;
    private readonly SlidingWindowQuota _quota;
    private readonly ILogger<TableEmailPacer> _logger;
    private int _tableReady;

    public TableEmailPacer(TableServiceClient service, IOptions<EmailQuotaOptions> options, ILogger<TableEmailPacer> logger)
    {
        ArgumentNullException.ThrowIfNull(service);
        _options = options.Value;
        _table = service.GetTableClient(_options.TableName);
        _quota = new SlidingWindowQuota(_options.PerMinute, _options.PerHour);
        _logger = logger;
    }

    public async Task<EmailPacingDecision> TryAcquireAsync(Instant now, CancellationToken cancellationToken = default)
    {
        // Stored to the millisecond, rounded up, so a recorded send never leaves its window before the real one.
        now = CeilingToMillisecond(now);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (grants, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var current = SlidingWindowQuota.Prune(grants, now);
            if (_quota.NextFreeSlot(current, now) is { } next)
            {
                return EmailPacingDecision.Deny(next);
            }

            current.Add(now);
            current.Sort();
            var entity = new TableEntity(PartitionKey, _options.LimiterName) { [GrantsProperty] = Format(current) };
            try
            {
                if (etag is { } match)
                {
                    await _table.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return EmailPacingDecision.Grant();
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance took a slot between our read and write: read again and re-decide.
                // A short random pause stops a herd of losers from colliding again at once.
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }

        _logger.LogWarning("Email pacer {Limiter} lost {Attempts} concurrent updates in a row; deferring", _options.LimiterName, MaxAttempts);
        return EmailPacingDecision.Deny(now + Duration.FromSeconds(1));
    }

    private static Instant CeilingToMillisecond(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ((ticks % TimeSpan.TicksPerMillisecond) + TimeSpan.TicksPerMillisecond) % TimeSpan.TicksPerMillisecond;
        return remainder == 0 ? instant : Instant.FromUnixTimeTicks(ticks - remainder + TimeSpan.TicksPerMillisecond);
    }

    private async Task<(List<Instant> Grants, ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, _options.LimiterName, [GrantsProperty], cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is null)
        {
            return ([], null);
        }

        return (Parse(response.Value.GetString(GrantsProperty)), response.Value.ETag);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _tableReady) == 1)
        {
            return;
        }

        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _tableReady, 1);
    }

    // Unix milliseconds, comma-separated: compact (100 sends ≈ 1.4 KB) and readable in a table browser.
    private static string Format(List<Instant> grants) =>
        string.Join(',', grants.Select(g => g.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));

    private static List<Instant> Parse(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => Instant.FromUnixTimeMilliseconds(long.Parse(part, CultureInfo.InvariantCulture)))
                .ToList();
}
