using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MentorNudge.Infrastructure.Tests.Storage;

/// <summary>
/// Fails storage requests on purpose: matching requests answer 503 (retried by the SDK, so a
/// lasting fault is an outage) or throw <see cref="InjectedCrashException"/> (not retried: the
/// process "crashes" at that point). Armed and disarmed by tests while the pipeline runs.
/// </summary>
public sealed class FaultInjectionPolicy : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private Func<string, Request, bool>? _match;
    private int _remaining;
    private bool _crash;

    /// <summary>How many requests were failed so far.</summary>
    public int Injected { get; private set; }

    /// <summary>Answer 503 to the next <paramref name="count"/> matching requests (-1: all, until <see cref="Disarm"/>).</summary>
    public void Fail503(Func<string, Request, bool> match, int count = -1) => Arm(match, count, crash: false);

    /// <summary>Throw on the next <paramref name="count"/> matching requests, before they reach storage.</summary>
    public void Crash(Func<string, Request, bool> match, int count = 1) => Arm(match, count, crash: true);

    public void Disarm()
    {
        lock (_gate)
        {
            _match = null;
            _remaining = 0;
        }
    }

    /// <summary>A policy instance for one service (<c>table</c>/<c>queue</c>) sharing this state.</summary>
    public HttpPipelinePolicy For(string service) => new Bound(this, service);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("Use For(service).");

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("Use For(service).");

    private void Arm(Func<string, Request, bool> match, int count, bool crash)
    {
        lock (_gate)
        {
            _match = match;
            _remaining = count;
            _crash = crash;
        }
    }

    private bool ShouldFail(string service, Request request, out bool crash)
    {
        lock (_gate)
        {
            crash = _crash;
            if (_match is null || _remaining == 0 || !_match(service, request))
            {
                return false;
            }

            if (_remaining > 0)
            {
                _remaining--;
            }

            Injected++;
            return true;
        }
    }

    private sealed class Bound(FaultInjectionPolicy owner, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!Intercept(message))
            {
                ProcessNext(message, pipeline);
            }
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            Intercept(message) ? ValueTask.CompletedTask : ProcessNextAsync(message, pipeline);

        private bool Intercept(HttpMessage message)
        {
            if (!owner.ShouldFail(service, message.Request, out var crash))
            {
                return false;
            }

            if (crash)
            {
                throw new InjectedCrashException($"Injected crash before {message.Request.Method} {message.Request.Uri.Path}");
            }

            message.Response = new ServiceUnavailableResponse();
            return true;
        }
    }

    private sealed class ServiceUnavailableResponse : Response
    {
        public override int Status => 503;

        public override string ReasonPhrase => "Service Unavailable (injected)";

        public override bool IsError => true;

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}

/// <summary>The exception a test injects to stop a flow at a chosen step.</summary>
public sealed class InjectedCrashException(string message) : Exception(message);
