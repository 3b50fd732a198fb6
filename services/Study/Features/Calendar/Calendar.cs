namespace BrandPlatform.Study.Features.Calendar;

/// <summary>Calendars, feeds and the ledger: reading what was planned and held, for people and their calendar clients.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder study) =>
        study.MapCalendarQueries().MapCalendarFeeds().MapBranchLedger();
}
