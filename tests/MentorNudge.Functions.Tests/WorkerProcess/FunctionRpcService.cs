using Grpc.Core;
using MentorNudge.Functions.Tests.WorkerProcess.Rpc;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>The host's <c>FunctionRpc</c> service: the worker dials in and the stream becomes the <see cref="WorkerConnection"/>.</summary>
public sealed class FunctionRpcService(WorkerConnection connection) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return connection.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}
