namespace MentorNudge.Cli.Hosting;

/// <summary>What the local host resolved before building the app.</summary>
/// <param name="StorageConnectionString">Storage in use.</param>
/// <param name="AdminKey">The admin key in effect.</param>
/// <param name="ActionSigningKey">Key for one-click links, used unless configuration has one.</param>
/// <param name="OutboxFolder">The outbox folder.</param>
/// <param name="PublicBaseUrl">Where links in emails point: this host.</param>
/// <param name="EventGridKey">Key the ACS delivery-report hook requires, used unless configuration has one.</param>
public sealed record LocalSettings(string StorageConnectionString, string AdminKey, string ActionSigningKey, string OutboxFolder, Uri PublicBaseUrl, string EventGridKey);
