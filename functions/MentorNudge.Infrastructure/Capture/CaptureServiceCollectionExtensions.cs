using MentorNudge.Infrastructure.UseCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>Registers BCC capture (<c>MentorNudge:Capture</c>): addresses, records, the log and undo use cases.</summary>
public static class CaptureServiceCollectionExtensions
{
    public static IServiceCollection AddMentorNudgeCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaptureOptions>().Bind(configuration.GetSection(CaptureOptions.SectionName));
        services.TryAddSingleton<CaptureAddresses>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserDataEraser, CaptureAddresses>(sp => sp.GetRequiredService<CaptureAddresses>()));
        services.TryAddSingleton<CaptureRecords>();
        services.TryAddSingleton<CaptureUndo>();
        services.TryAddSingleton<CaptureLog>();
        return services;
    }
}
