namespace MentorNudge.Deployment.Tests.Infrastructure;

/// <summary>What one `bicep build` produced.</summary>
public sealed record BicepBuildResult(string SourceFile, int ExitCode, string StandardOutput, string StandardError, string OutputFile);
