using MentorNudge.Infrastructure.Capture;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Web.Endpoints;

/// <summary>
/// Settings → BCC capture: rotate the address and switch "create people for unknown recipients",
/// through <see cref="CaptureAddresses"/> as <c>POST/PUT /api/v1/me/capture-address</c> do.
/// While capture is off on the deployment both answer the settings page, which says so.
/// </summary>
internal static class CaptureAddressEndpoints
{
    public static async Task<IResult> RotateAsync(WebRequest r)
    {
        var address = await r.Service<CaptureAddresses>().RotateAsync(r.User!.Id, r.Aborted);
        return WebResults.SeeOther(r, "settings", address is null ? null : "capturerotated");
    }

    public static async Task<IResult> SetCreatePeopleAsync(WebRequest r)
    {
        var createPeople = await r.Field("createPeople") == "true";
        var address = await r.Service<CaptureAddresses>().SetCreatePeopleAsync(r.User!.Id, createPeople, r.Aborted);
        return WebResults.SeeOther(r, "settings", address is null ? null : "saved");
    }
}
