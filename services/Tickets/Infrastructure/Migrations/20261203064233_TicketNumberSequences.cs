using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TicketNumberSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One sequence per year, made by the year's first submission: taking a number no longer locks a counter row
            // until commit. Creating it concurrently is safe: the loser of the race waits for the winner's commit and
            // then uses its sequence (or creates it, if the winner rolled back).
            migrationBuilder.Sql("""
                CREATE FUNCTION next_ticket_number(number_year integer) RETURNS bigint
                LANGUAGE plpgsql AS $$
                DECLARE
                    sequence_name text := format('ticket_number_%s', number_year);
                BEGIN
                    LOOP
                        BEGIN
                            RETURN nextval(sequence_name::regclass);
                        EXCEPTION WHEN undefined_table THEN
                            BEGIN
                                EXECUTE format('CREATE SEQUENCE %I AS bigint MINVALUE 1', sequence_name);
                            EXCEPTION WHEN duplicate_table OR unique_violation THEN
                                NULL;
                            END;
                        END;
                    END LOOP;
                END
                $$;
                """);
            // The numbers already given out carry on where each year's counter stopped.
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    counter record;
                BEGIN
                    FOR counter IN SELECT year, last_value FROM ticket_number_sequences LOOP
                        EXECUTE format('CREATE SEQUENCE %I AS bigint MINVALUE 1 START WITH %s',
                            'ticket_number_' || counter.year, counter.last_value + 1);
                    END LOOP;
                END
                $$;
                """);
            migrationBuilder.DropTable(
                name: "ticket_number_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticket_number_sequences",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_number_sequences", x => x.year);
                });
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    counter record;
                BEGIN
                    FOR counter IN SELECT sequencename, last_value FROM pg_sequences
                        WHERE schemaname = current_schema() AND sequencename ~ '^ticket_number_[0-9]+$' LOOP
                        INSERT INTO ticket_number_sequences (year, last_value)
                            VALUES (substring(counter.sequencename FROM 15)::integer, coalesce(counter.last_value, 0));
                        EXECUTE format('DROP SEQUENCE %I', counter.sequencename);
                    END LOOP;
                END
                $$;
                """);
            migrationBuilder.Sql("DROP FUNCTION next_ticket_number(integer);");
        }
    }
}
