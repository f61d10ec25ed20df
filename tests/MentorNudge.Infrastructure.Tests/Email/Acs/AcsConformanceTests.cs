using System.Text;
using System.Text.Json;
using MentorNudge.Infrastructure.Email.Acs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MentorNudge.Testing.Acs;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Infrastructure.Tests.Email.Acs;

/// <summary>Checks the client against the published REST spec and its examples.</summary>
public sealed class AcsConformanceTests
{
    private static JsonElement Load(string relative) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AcsFixtures.Folder!, relative))).RootElement.Clone();

    private static IEnumerable<string> Required(JsonElement definition) =>
        definition.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    [AcsFixturesFact]
    public async Task SendAsync_RequestBody_HasEveryRequiredFieldOfTheSpecEmailMessage()
    {
        var definitions = Load("CommunicationServicesEmail.json").GetProperty("definitions");
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        await using var server = await AcsTestServer.StartAsync(clock);
        var sender = new AcsEmailSender(
            Options.Create(new AcsEmailOptions { ConnectionString = server.ConnectionString, SenderAddress = "DoNotReply@example.com", PollInterval = TimeSpan.FromMilliseconds(1) }),
            clock,
            NullLogger<AcsEmailSender>.Instance);

        await sender.SendAsync(TestEmails.Digest());

        var body = Assert.Single(server.Received).Json;
        var message = definitions.GetProperty("EmailMessage");
        foreach (var field in Required(message))
        {
            Assert.True(body.TryGetProperty(field, out _), $"EmailMessage.{field} is required by the spec");
        }

        foreach (var field in Required(definitions.GetProperty("EmailContent")))
        {
            Assert.True(body.GetProperty("content").TryGetProperty(field, out _), $"EmailContent.{field} is required by the spec");
        }

        foreach (var field in Required(definitions.GetProperty("EmailRecipients")))
        {
            Assert.True(body.GetProperty("recipients").TryGetProperty(field, out _), $"EmailRecipients.{field} is required by the spec");
        }

        foreach (var field in Required(definitions.GetProperty("EmailAddress")))
        {
            Assert.True(body.GetProperty("recipients").GetProperty("to")[0].TryGetProperty(field, out _), $"EmailAddress.{field} is required by the spec");
        }

        // Every property we send exists in the spec (no misspelt names the service would ignore).
        var known = message.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(body.EnumerateObject(), p => Assert.Contains(p.Name, known));
    }

    [AcsFixturesFact]
    public void TryParse_SpecExampleResponses_ReadStatusAndError()
    {
        var cases = new (string File, string Code, string Status, bool Terminal, string? Error)[]
        {
            ("examples/SendEmail.json", "202", "Running", false, null),
            ("examples/GetOperationStatusReturnsNonTerminalStatus.json", "200", "Running", false, null),
            ("examples/GetOperationStatusReturnsSuccessTerminalStatus.json", "200", "Succeeded", true, null),
            ("examples/GetOperationStatusReturnsFailedTerminalStatus.json", "200", "Failed", true, "EmailDropped"),
        };

        foreach (var (file, code, status, terminal, error) in cases)
        {
            var body = Load(file).GetProperty("responses").GetProperty(code).GetProperty("body");
            var parsed = AcsOperationStatus.TryParse(Encoding.UTF8.GetBytes(body.GetRawText()));

            Assert.NotNull(parsed);
            Assert.Equal(status, parsed.Status);
            Assert.Equal(terminal, parsed.IsTerminal);
            Assert.Equal(error, parsed.ErrorCode);
            Assert.Equal(body.GetProperty("id").GetString(), parsed.Id);
        }
    }
}
