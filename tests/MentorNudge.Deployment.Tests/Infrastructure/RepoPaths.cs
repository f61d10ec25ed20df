namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>Locates files of the repository the tests run in.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    public static string Infra => Path.Combine(Root, "infra");

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MentorNudge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MentorNudge.sln not found above " + AppContext.BaseDirectory);
    }
}
