using System.Net.Mail;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Http;
using MentorNudge.Api.Validation;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Infrastructure.Webhooks;
using MentorNudge.Core.Inbound;
using MentorNudge.Core.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NodaTime;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// Signed inbound hooks of a user: automation events and forwarded email. The signature is checked
/// on the raw bytes before anything is parsed; every rejection happens before anything is written.
/// </summary>
internal static class HookEndpoints
{
    public static readonly IReadOnlySet<string> EventTypes =
        new HashSet<string>(StringComparer.Ordinal) { "outreach.sent", "reply.received", "interaction.logged", "person.upserted" };

    public static async Task<IResult> Events(HttpContext context)
    {
        var (user, raw, error) = await ReadSignedAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (evt, parseError) = RequestBody.Parse<InboundEvent>(raw!);
        if (parseError is not null)
        {
            return parseError;
        }

        var now = context.Now();
        var errors = new FieldErrors();
        if (!RequestValidator.IsValidId(evt!.Id))
        {
            errors.Add("id", "Required: letters, digits, '-' or '_', at most 128.");
        }

        if (evt.Type is null || !EventTypes.Contains(evt.Type))
        {
            errors.Add("type", "One of outreach.sent, reply.received, interaction.logged, person.upserted.");
        }

        var data = evt.Data;
        if (data is null)
        {
            errors.Add("data", "Required.");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var ct = context.RequestAborted;
        PersonDraft? draft = null;
        switch (evt.Type)
        {
            case "outreach.sent":
                errors = RequestValidator.Outreach(new OutreachRequest(data!.SentAt, data.Channel, data.Subject, data.Text), now);
                break;
            case "reply.received":
                if (data!.ReceivedAt is { } r && r > now + Duration.FromMinutes(5))
                {
                    errors.Add("data.receivedAt", "Must not be in the future.");
                }

                break;
            case "interaction.logged":
                errors = RequestValidator.Interaction(new InteractionRequest(data!.Kind, data.At, data.Note), now);
                break;
            case "person.upserted":
                if (data!.Person is null)
                {
                    errors.Add("data.person", "Required.");
                }
                else
                {
                    (draft, var personErrors) = RequestValidator.Person(data.Person);
                    errors = personErrors;
                }

                break;
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(Prefix(errors, evt.Type!));
        }

        var people = context.Use<People>();
        var person = await FindPersonAsync(people, user!.Id, data!, ct);
        var d = data!;
        if (person is null && evt.Type != "person.upserted")
        {
            return ApiProblems.NotFound("No person matches data.personId or data.email.");
        }

        var applied = await InboundEventOnce.ApplyAsync(context, user.Id, evt.Id!, async () =>
        {
            switch (evt.Type)
            {
                case "outreach.sent":
                    await context.Use<Outreach>().LogAsync(user.Id, person!.Id, new OutreachDraft(d.SentAt, d.Channel, d.Subject, d.Text), ct);
                    break;
                case "reply.received":
                    await context.Use<Interactions>().LogReplyAsync(user.Id, person!.Id, d.ReceivedAt, ct);
                    break;
                case "interaction.logged":
                    await context.Use<Interactions>().LogAsync(user.Id, person!.Id, d.Kind!.Value, d.At, d.Note, ct);
                    break;
                default:
                    person = person is null
                        ? await people.AddAsync(user.Id, draft!, ct)
                        : await people.UpdateAsync(user.Id, person.Id, draft!, ct);
                    break;
            }
        });
        if (!applied)
        {
            return ApiProblems.Conflict("This event id was received before.");
        }

        return Results.Json(new { accepted = evt.Id, personId = person?.Id }, Json.ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> InboundEmail(HttpContext context)
    {
        var (user, raw, error) = await ReadSignedAsync(context);
        if (error is not null)
        {
            return error;
        }

        var (email, parseError) = RequestBody.Parse<InboundEmailRequest>(raw!);
        if (parseError is not null)
        {
            return parseError;
        }

        var errors = new FieldErrors();
        if (email!.From is null || !MailAddress.TryCreate(email.From, out var from) || RequestValidator.HasControl(email.From) || email.From.Length > 512)
        {
            errors.Add("from", "Required: an email address, optionally with a display name.");
            from = null;
        }

        RequestValidator.Line(errors, "to", email.To, 2048, required: false);
        RequestValidator.Line(errors, "subject", email.Subject, 2000, required: false);
        RequestValidator.Text(errors, "text", email.Text, RequestBody.MaxBytes);
        if (email.Headers is { Count: > 200 })
        {
            errors.Add("headers", "At most 200 headers.");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors.ToDictionary());
        }

        var ct = context.RequestAborted;
        var matchDomain = context.Use<IOptions<ApiOptions>>().Value.InboundEmailMatchDomain;
        var person = await context.Use<People>().FindByEmailAsync(user!.Id, from!.Address, matchDomain, ct);
        if (person is null)
        {
            return EndpointContext.Json(new InboundEmailResult(false, null, "ignored", null));
        }

        // A forwarded message seen twice (retries of the forwarder) is applied once.
        var messageId = email.Headers?.FirstOrDefault(h => h.Key.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)).Value;
        InboundEmailResult? result = null;
        async Task Apply()
        {
            var interactions = context.Use<Interactions>();
            if (AutoReplyDetector.IsAutoReply(email.Headers, email.Subject))
            {
                var until = await interactions.LogOutOfOfficeAsync(user.Id, person.Id, email.Text, ct);
                result = new InboundEmailResult(true, person.Id, "postponed", until);
                return;
            }

            await interactions.LogReplyAsync(user.Id, person.Id, context.Now(), ct);
            result = new InboundEmailResult(true, person.Id, "replied", null);
        }

        if (string.IsNullOrWhiteSpace(messageId))
        {
            await Apply();
        }
        else if (!await InboundEventOnce.ApplyAsync(context, user.Id, "mail-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId)))[..40], Apply))
        {
            return ApiProblems.Conflict("This message was received before.");
        }

        return EndpointContext.Json(result!);
    }

    /// <summary>Content type, size, known user with a webhook secret, valid and fresh signature; else 415/413/401.</summary>
    private static async Task<(User? User, byte[]? Raw, IResult? Error)> ReadSignedAsync(HttpContext context)
    {
        if (!RequestBody.IsJson(context.Request))
        {
            return (null, null, ApiProblems.UnsupportedMediaType("application/json"));
        }

        var (raw, error) = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        if (error is not null)
        {
            return (null, null, error);
        }

        var userId = context.RouteId("userId");
        var user = userId is null ? null : await context.Use<Users>().FindAsync(userId, context.RequestAborted);

        // Unknown user, no secret and bad signature look the same from outside.
        var secret = user?.Settings.Webhook?.InboundVerificationSecret;
        var header = context.Request.Headers[WebhookSignature.HeaderName].ToString();
        var check = secret is null ? WebhookSignatureResult.BadSignature : WebhookSignature.Verify(header, raw, secret, context.Now());
        return check switch
        {
            WebhookSignatureResult.Valid => (user, raw, null),
            WebhookSignatureResult.Stale => (null, null, ApiProblems.Unauthorized("The signature timestamp is more than 5 minutes off.")),
            _ => (null, null, ApiProblems.Unauthorized($"A valid {WebhookSignature.HeaderName} header is required.")),
        };
    }

    private static async Task<Person?> FindPersonAsync(People people, string userId, InboundEventData data, CancellationToken ct)
    {
        if (RequestValidator.IsValidId(data.PersonId))
        {
            return await people.FindAsync(userId, data.PersonId!, ct);
        }

        var email = data.Email ?? data.Person?.Emails?.FirstOrDefault();
        return RequestValidator.IsEmail(email) ? await people.FindByEmailAsync(userId, email!, matchDomain: false, ct) : null;
    }

    private static Dictionary<string, string[]> Prefix(FieldErrors errors, string type)
    {
        var prefix = type == "person.upserted" ? "data.person." : "data.";
        return errors.ToDictionary().ToDictionary(e => e.Key.StartsWith("data.", StringComparison.Ordinal) ? e.Key : prefix + e.Key, e => e.Value);
    }
}
