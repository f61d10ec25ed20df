using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using MentorNudge.Web.Markup;
using NodaTime;

namespace MentorNudge.Web.Pages;

/// <summary>Settings: zone (searchable list), country, work days, reminder time, digest, follow-up cadence, vacation, webhook; webhook deliveries and calendar feed; export, sign out everywhere, erase.</summary>
internal static class SettingsPage
{
    private static readonly Lazy<Html> ZoneOptions = new(() =>
        Html.Join(DateTimeZoneProviders.Tzdb.Ids.Where(id => id.Contains('/', StringComparison.Ordinal)).Select(id => Html.Of($"""<option value="{id}"></option>"""))));

    public static Html Render(PageFrame f, User user, Html connections, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var s = user.Settings;
        var days = Html.Join(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => s.WorkDays.Contains(d)
            ? Html.Of($"""<label class="check"><input type="checkbox" name="workDays" value="{d}" checked> {d}</label>""")
            : Html.Of($"""<label class="check"><input type="checkbox" name="workDays" value="{d}"> {d}</label>""")));
        var digestDays = PersonFields.Options(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => d.ToString()), s.WeeklyDigest.Day.ToString());
        var formats = PersonFields.Options(Enum.GetValues<WebhookFormat>().Select(x => x.ToString()), (s.Webhook?.Format ?? WebhookFormat.Generic).ToString());
        return Layout.Page(f, "Settings", Html.Of($"""
            {Layout.Errors(errors)}
            <form method="post" action="{f.Root}settings" class="stack" id="settings-form">
            {Layout.Csrf(f)}
            <fieldset><legend>You</legend>
            <label for="email">Email</label><input id="email" name="email" type="email" required value="{user.Email}" autocomplete="email">
            <label for="displayName">Name in emails</label><input id="displayName" name="displayName" value="{user.DisplayName}" autocomplete="name">
            </fieldset>
            <fieldset><legend>Time</legend>
            <label for="timeZone">Time zone <span class="hint">(type to search, e.g. Europe/London)</span></label>
            <input id="timeZone" name="timeZone" list="zones" required value="{s.TimeZoneId}" autocomplete="off">
            <datalist id="zones">{ZoneOptions.Value}</datalist>
            <label for="country">Country for public holidays <span class="hint">(ISO code, e.g. GB)</span></label><input id="country" name="country" required maxlength="2" value="{s.Country}">
            <div role="group" aria-labelledby="workdays-l"><span id="workdays-l" class="label">Work days</span><div class="checks">{days}</div></div>
            <label for="reminderTime">Reminder time</label><input id="reminderTime" name="reminderTime" type="time" required value="{s.ReminderTime.ToString("HH:mm", null)}">
            </fieldset>
            <fieldset><legend>Weekly digest</legend>
            <label class="check"><input type="checkbox" name="digestEnabled" value="true"{(s.WeeklyDigest.Enabled ? Html.Of($" checked") : Html.Empty)}> Send me the weekly digest</label>
            <label for="digestDay">Day</label><select id="digestDay" name="digestDay">{digestDays}</select>
            <label for="digestTime">Time</label><input id="digestTime" name="digestTime" type="time" required value="{s.WeeklyDigest.Time.ToString("HH:mm", null)}">
            <label for="digestPrompts">Prompts per digest</label><input id="digestPrompts" name="digestPrompts" type="number" min="1" max="{UserSettingsValidator.MaxDigestPrompts}" value="{s.WeeklyDigest.MaxPrompts}">
            </fieldset>
            <fieldset><legend>Follow-ups</legend>
            <label for="firstAfter">First follow-up after (business days)</label><input id="firstAfter" name="firstAfter" type="number" min="1" max="{UserSettingsValidator.MaxBusinessDays}" value="{s.FollowUp.FirstAfterBusinessDays}">
            <label for="thenAfter">Then after (business days)</label><input id="thenAfter" name="thenAfter" type="number" min="1" max="{UserSettingsValidator.MaxBusinessDays}" value="{s.FollowUp.ThenAfterBusinessDays}">
            <label for="maxFollowUps">At most</label><input id="maxFollowUps" name="maxFollowUps" type="number" min="0" max="{UserSettingsValidator.MaxFollowUps}" value="{s.FollowUp.MaxFollowUps}">
            </fieldset>
            <fieldset id="vacation"><legend>Vacation</legend>
            <label for="vacationUntil">On vacation until (last day, inclusive; empty for none)</label><input id="vacationUntil" name="vacationUntil" type="date" value="{(s.VacationUntil is { } v ? Format.Iso(v) : "")}">
            </fieldset>
            <fieldset><legend>Webhook</legend>
            <label for="webhookUrl">URL <span class="hint">(empty for none)</span></label><input id="webhookUrl" name="webhookUrl" type="url" value="{s.Webhook?.Url.AbsoluteUri}">
            <label for="webhookFormat">Format</label><select id="webhookFormat" name="webhookFormat">{formats}</select>
            </fieldset>
            <button type="submit" class="primary">Save settings</button>
            </form>
            {connections}
            <section aria-labelledby="data-h"><h2 id="data-h">Your data</h2>
            <p><a href="{f.Root}settings/tokens">API tokens</a></p>
            <p><a href="{f.Root}settings/export" download="mentornudge-export.json">Download everything as JSON</a></p>
            {Layout.Button(f, "signout-everywhere", "Sign out everywhere")}
            <form method="post" action="{f.Root}settings/erase" class="stack danger">
            {Layout.Csrf(f)}
            <label for="erase-confirm">To erase your account and all its data, type <strong>erase</strong></label>
            <input id="erase-confirm" name="confirm" required autocomplete="off">
            <button type="submit" class="danger">Erase my account</button>
            </form></section>
            """));
    }
}
