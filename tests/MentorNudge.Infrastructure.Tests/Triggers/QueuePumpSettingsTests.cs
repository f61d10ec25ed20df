using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentorNudge.Infrastructure.Triggers;

namespace MentorNudge.Infrastructure.Tests.Triggers;

public sealed class QueuePumpSettingsTests
{
    [Fact]
    public void FunctionsHost_RepositoryHostJson_EqualsItsQueueSection()
    {
        // The host.json the Functions app deploys with, read here independently of the embedded copy.
        var path = RepositoryFile("host.json");
        var queues = JsonNode.Parse(File.ReadAllText(path))!["extensions"]!["queues"]!;

        var settings = QueuePumpSettings.FunctionsHost;

        Assert.Equal((int)queues["batchSize"]!, settings.BatchSize);
        Assert.Equal((int)queues["newBatchThreshold"]!, settings.NewBatchThreshold);
        Assert.Equal((int)queues["maxDequeueCount"]!, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.Parse((string)queues["visibilityTimeout"]!, CultureInfo.InvariantCulture), settings.VisibilityTimeout);
        Assert.Equal(TimeSpan.Parse((string)queues["maxPollingInterval"]!, CultureInfo.InvariantCulture), settings.MaxPollingInterval);
    }

    [Fact]
    public void FromHostJson_NoQueueSection_TakesTheFunctionsDefaults()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "version": "2.0" }"""));

        var settings = QueuePumpSettings.FromHostJson(json);

        Assert.Equal(new QueuePumpSettings(5, TimeSpan.Zero, 16, 8, TimeSpan.FromMinutes(1)), settings);
    }

    private static string RepositoryFile(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MentorNudge.sln")))
            {
                return Path.Combine(folder.FullName, name);
            }
        }

        throw new InvalidOperationException("The repository root (MentorNudge.sln) was not found above " + AppContext.BaseDirectory);
    }
}
