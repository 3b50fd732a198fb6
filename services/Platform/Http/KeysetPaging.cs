using BrandPlatform.Platform.Resources;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// One page of a list and the absolute-path URL of the next page (null on the last). Every list answers in this shape:
/// nothing is ever cut off silently, a caller follows 'next' until it is null.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next)
{
    public Page<TOut> Select<TOut>(Func<T, TOut> project) => new([.. Items.Select(project)], Next);

    public async Task<Page<TOut>> SelectAsync<TOut>(Func<IReadOnlyList<T>, Task<IReadOnlyList<TOut>>> project) => new(await project(Items), Next);
}

/// <summary>
/// What a caller asked of a list: how many items (<c>limit</c>) and where to continue (<c>cursor</c>, the opaque position
/// of the previous page's last item: its sort key and a unique tie-breaker).
/// </summary>
public sealed record PageRequest<TKey, TId>(int Limit, (TKey Key, TId Id)? After);

/// <summary>
/// Keyset paging, the one paging rule of every list: sorted by a key and a unique tie-breaker, each page continues after
/// the previous page's last item, so rows added or changed meanwhile are neither skipped nor shown twice.
/// </summary>
public static class KeysetPaging
{
    public const string CursorField = "cursor";
    public const string LimitField = "limit";
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public static string InvalidCursorMessage => PlatformTexts.InvalidCursor;

    /// <summary>
    /// Reads <c>cursor</c> and <c>limit</c>; anything it cannot read (a cursor edited, cut, or from another list) is a
    /// field error added to <paramref name="problems"/>, never an exception.
    /// </summary>
    public static PageRequest<TKey, TId> Read<TKey, TId>(
        string? cursor, int? limit, IDictionary<string, string[]> problems, int defaultLimit = DefaultLimit, int maxLimit = MaxLimit)
    {
        var take = limit ?? defaultLimit;
        if (take < 1 || take > maxLimit)
        {
            problems[LimitField] = [string.Format(CultureInfo.CurrentCulture, PlatformTexts.PageLimitRange, maxLimit)];
        }
        if (cursor is null)
        {
            return new(take, null);
        }
        if (TryDecode<TKey, TId>(cursor, out var after))
        {
            return new(take, after);
        }
        problems[CursorField] = [InvalidCursorMessage];
        return new(take, null);
    }

    /// <summary>Reads <c>cursor</c> and <c>limit</c> of a list that has no other parameters to check: false with the 400 to answer.</summary>
    public static bool TryRead<TKey, TId>(
        string? cursor, int? limit, out PageRequest<TKey, TId> request, [NotNullWhen(false)] out ValidationProblem? invalid,
        int defaultLimit = DefaultLimit, int maxLimit = MaxLimit)
    {
        var problems = new Dictionary<string, string[]>();
        request = Read<TKey, TId>(cursor, limit, problems, defaultLimit, maxLimit);
        invalid = problems.Count > 0 ? FieldProblems.Invalid(problems) : null;
        return invalid is null;
    }

    /// <summary>
    /// The page of <paramref name="query"/> after the request's cursor, ordered by <paramref name="key"/> then
    /// <paramref name="id"/> (both descending when <paramref name="descending"/>), with the link to the next page.
    /// </summary>
    public static async Task<Page<T>> PageAsync<T, TKey, TId>(
        this IQueryable<T> query, PageRequest<TKey, TId> request, Expression<Func<T, TKey>> key, Expression<Func<T, TId>> id,
        HttpContext context, CancellationToken cancellationToken, bool descending = false)
        where TKey : notnull where TId : notnull
    {
        var ordered = After(query, request, key, id, descending);
        var rows = await ordered.Take(request.Limit + 1).ToListAsync(cancellationToken);
        return PageOf(rows, request, key, id, context);
    }

    /// <summary>
    /// As <see cref="PageAsync"/>, for a list with a filter only the application can judge (a status computed from the
    /// clock at read time): rows are read in the list's order after the cursor and kept while <paramref name="keep"/>
    /// holds, until the page is full; the next page continues after the last row kept.
    /// </summary>
    public static async Task<Page<T>> PageWhereAsync<T, TKey, TId>(
        this IQueryable<T> query, PageRequest<TKey, TId> request, Expression<Func<T, TKey>> key, Expression<Func<T, TId>> id,
        Func<T, bool> keep, HttpContext context, CancellationToken cancellationToken, bool descending = false)
        where TKey : notnull where TId : notnull
    {
        var ordered = After(query, request, key, id, descending);
        var rows = new List<T>();
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (keep(row))
            {
                rows.Add(row);
                if (rows.Count > request.Limit)
                {
                    break;
                }
            }
        }
        return PageOf(rows, request, key, id, context);
    }

    /// <summary>The rows after the request's cursor, in the list's order.</summary>
    private static IOrderedQueryable<T> After<T, TKey, TId>(
        IQueryable<T> query, PageRequest<TKey, TId> request, Expression<Func<T, TKey>> key, Expression<Func<T, TId>> id, bool descending)
    {
        if (request.After is { } after)
        {
            query = query.Where(Beyond(key, id, after.Key, after.Id, descending));
        }
        return descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);
    }

    /// <summary>Up to the request's limit of <paramref name="rows"/> (read one beyond it), and the next page's link if there are more.</summary>
    private static Page<T> PageOf<T, TKey, TId>(
        List<T> rows, PageRequest<TKey, TId> request, Expression<Func<T, TKey>> key, Expression<Func<T, TId>> id, HttpContext context)
    {
        if (rows.Count <= request.Limit)
        {
            return new Page<T>(rows, null);
        }
        var items = rows[..request.Limit];
        var last = items[^1];
        return new Page<T>(items, NextLink(context.Request, Encode(key.Compile()(last), id.Compile()(last))));
    }

    /// <summary>The same request (path and filters) with the cursor of the next page, as an absolute path.</summary>
    private static string NextLink(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(request.Query.Where(p => !string.Equals(p.Key, CursorField, StringComparison.OrdinalIgnoreCase)))
        {
            { CursorField, cursor },
        };
        return request.PathBase.Add(request.Path) + query.ToQueryString().Value;
    }

    /// <summary>key(item) after position.Key, or equal and id(item) after position.Id; "after" meaning the list's order.</summary>
    private static Expression<Func<T, bool>> Beyond<T, TKey, TId>(
        Expression<Func<T, TKey>> key, Expression<Func<T, TId>> id, TKey afterKey, TId afterId, bool descending)
    {
        var item = key.Parameters[0];
        var idBody = new Rebind(id.Parameters[0], item).Visit(id.Body);
        var keyAfter = Compare(key.Body, afterKey, descending);
        var keyEqual = Expression.Equal(key.Body, Parameter(afterKey));
        var idAfter = Compare(idBody, afterId, descending);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(keyAfter, Expression.AndAlso(keyEqual, idAfter)), item);
    }

    /// <summary>value.CompareTo(position) &gt; 0 (or &lt; 0), which EF translates to SQL comparison for strings, times, numbers and GUIDs alike.</summary>
    private static BinaryExpression Compare<TValue>(Expression value, TValue position, bool descending)
    {
        var compareTo = typeof(TValue).GetMethod(nameof(IComparable<TValue>.CompareTo), [typeof(TValue)])
            ?? throw new InvalidOperationException($"{typeof(TValue)} cannot order a keyset.");
        var comparison = Expression.Call(value, compareTo, Parameter(position));
        return descending ? Expression.LessThan(comparison, Expression.Constant(0)) : Expression.GreaterThan(comparison, Expression.Constant(0));
    }

    /// <summary>A captured value, so EF sends it as a SQL parameter rather than a literal.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>A cursor is read like a body: text PostgreSQL cannot hold makes it unreadable, not a 500.</summary>
    private static readonly JsonSerializerOptions CursorJson = new(JsonSerializerDefaults.Web) { Converters = { new StorableText.JsonConverter() } };

    private static string Encode<TKey, TId>(TKey key, TId id) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Position<TKey, TId>(key, id), CursorJson))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode<TKey, TId>(string cursor, out (TKey Key, TId Id) after)
    {
        after = default;
        if (cursor.Length is 0 or > 1024)
        {
            return false;
        }
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return false;
        }
        try
        {
            if (JsonSerializer.Deserialize<Position<TKey, TId>>(bytes.AsSpan(0, length), CursorJson) is { K: not null, I: not null } position)
            {
                // PostgreSQL holds instants in UTC only: a cursor edited to carry an offset still reads.
                after = (position.K is DateTimeOffset time ? (TKey)(object)time.ToUniversalTime() : position.K, position.I);
                return true;
            }
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or DecoderFallbackException)
        {
        }
        return false;
    }

    /// <summary>The cursor's content: short member names keep the link short.</summary>
    private sealed record Position<TKey, TId>(TKey K, TId I);
}
