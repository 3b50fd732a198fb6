using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Platform.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction under the context's retrying execution strategy: on a
    /// transient failure the whole unit is retried from a clean change tracker, so nothing is half-written.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
