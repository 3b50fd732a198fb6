using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandPlatform.Platform.Persistence;

public static class DbExceptions
{
    /// <summary>True when PostgreSQL refused the write for a duplicate key (optionally on one named constraint).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string? constraint = null) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && (constraint is null || postgres.ConstraintName == constraint);

    /// <summary>
    /// Saves, unless a unique index refuses the write because someone else wrote the same thing a moment ago (two
    /// launches of a quarter, two signings, two passes of a job): then nothing of this attempt stays tracked and the
    /// answer is false, for the caller to answer as if the other write had come first.
    /// </summary>
    public static async Task<bool> SaveUnlessTakenAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
