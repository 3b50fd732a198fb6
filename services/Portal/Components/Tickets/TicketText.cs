using System.Globalization;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Tickets;

/// <summary>The API's codes (states, categories, timeline actions) and times as the person reads them.</summary>
public static class TicketText
{
    /// <summary>
    /// The tickets API's categories, priorities and ratings, in the order the forms offer them. The forms are an
    /// enterprise's (filing, a visit's and a project's problems), so they offer the enterprise categories; the 民生 ones
    /// come from community services and are only shown (<see cref="Category"/> has their labels).
    /// </summary>
    public static readonly string[] Categories = ["financing", "land", "approvals", "labour", "policy", "relocation", "project", "other"];
    public static readonly string[] Priorities = ["normal", "immediate", "urgent", "special"];
    public static readonly string[] Satisfactions = ["satisfied", "basicallySatisfied", "dissatisfied"];

    public static string State(string code) => Of("State", code);
    public static string Category(string code) => Of("Category", code);
    public static string Priority(string code) => Of("Priority", code);
    public static string Satisfaction(string? code) => code is null ? "" : Of("Satisfaction", code);
    public static string Action(string code) => Of("Action", code);
    public static string Escalation(string code) => Of("Escalation", code);

    /// <summary>Working time left, in the API's hours; a tag whose words carry what its colour says.</summary>
    public static (string Css, string Text) Remaining(QueueItem item) =>
        item.Overdue ? ("red", string.Format(CultureInfo.CurrentCulture, TicketScreenTexts.Remaining_Overdue, -item.WorkingHoursRemaining))
        : item.WorkingHoursRemaining < AmberWithinHours ? ("amber", string.Format(CultureInfo.CurrentCulture, TicketScreenTexts.Remaining_Soon, item.WorkingHoursRemaining))
        : ("green", string.Format(CultureInfo.CurrentCulture, TicketScreenTexts.Remaining_Hours, item.WorkingHoursRemaining));

    /// <summary>Half a working day: the escalation's reminder comes about then.</summary>
    private const double AmberWithinHours = 4;

    private static string Of(string kind, string code) =>
        TicketScreenTexts.ResourceManager.GetString($"{kind}_{code.Replace('-', '_')}", CultureInfo.CurrentUICulture) ?? code;
}
