using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BrandPlatform.Platform.Persistence;

public static class DbExceptions
{
    /// <summary>True when PostgreSQL refused the write for a duplicate key (optionally on one named constraint).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string? constraint = null) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && (constraint is null || postgres.ConstraintName == constraint);
}
