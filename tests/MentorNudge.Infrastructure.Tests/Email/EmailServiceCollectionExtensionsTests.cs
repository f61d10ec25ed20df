using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Email.Acs;
using MentorNudge.Infrastructure.Email.Outbox;
using MentorNudge.Infrastructure.Email.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorNudge.Infrastructure.Tests.Email;

public sealed class EmailServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMentorNudgeEmail(configuration.GetSection("Email"));
        return services.BuildServiceProvider();
    }

    private static OptionsValidationException StartupFailure(Dictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddMentorNudgeEmail_NoProvider_UsesOutbox()
    {
        using var provider = Build(new() { ["Email:Outbox:Folder"] = Path.GetTempPath() });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<OutboxEmailSender>(provider.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void AddMentorNudgeEmail_AcsWithConnectionString_UsesAcs()
    {
        using var provider = Build(new()
        {
            ["Email:Provider"] = "acs",
            ["Email:Acs:ConnectionString"] = "endpoint=https://x.communication.azure.com/;accesskey=" + Convert.ToBase64String(new byte[32]),
            ["Email:Acs:SenderAddress"] = "DoNotReply@example.com",
            ["Email:Acs:PollTimeout"] = "00:00:30",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<AcsEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<AcsEmailOptions>>().Value.PollTimeout);
    }

    [Fact]
    public void AddMentorNudgeEmail_AcsWithoutSender_FailsAtStartWithClearMessage()
    {
        var failure = StartupFailure(new()
        {
            ["Email:Provider"] = "acs",
            ["Email:Acs:ConnectionString"] = "endpoint=https://x.communication.azure.com/;accesskey=" + Convert.ToBase64String(new byte[32]),
        });

        Assert.Contains("Email:Acs:SenderAddress is required when Email:Provider is acs", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorNudgeEmail_AcsWithoutConnection_FailsAtStartWithClearMessage()
    {
        var failure = StartupFailure(new() { ["Email:Provider"] = "ACS", ["Email:Acs:SenderAddress"] = "a@example.com" });

        Assert.Contains("Email:Acs:ConnectionString or Email:Acs:Endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorNudgeEmail_SmtpWithoutHost_FailsAtStartWithClearMessage()
    {
        var failure = StartupFailure(new() { ["Email:Provider"] = "smtp", ["Email:Smtp:SenderAddress"] = "a@example.com" });

        Assert.Contains("Email:Smtp:Host is required when Email:Provider is smtp", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorNudgeEmail_SmtpConfigured_UsesSmtpWithStartTlsByDefault()
    {
        using var provider = Build(new() { ["Email:Provider"] = "smtp", ["Email:Smtp:Host"] = "smtp.example.com", ["Email:Smtp:SenderAddress"] = "a@example.com" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SmtpEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(SmtpSecurityMode.StartTls, provider.GetRequiredService<IOptions<SmtpEmailOptions>>().Value.Security);
    }

    [Fact]
    public void AddMentorNudgeEmail_BadQuota_FailsAtStart()
    {
        var failure = StartupFailure(new() { ["Email:Quota:PerMinute"] = "0" });

        Assert.Contains("Email:Quota:PerMinute", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMentorNudgeEmail_UnknownProvider_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Email:Provider"] = "pigeon" }));

        Assert.Contains("acs, smtp or outbox", error.Message, StringComparison.Ordinal);
    }
}
