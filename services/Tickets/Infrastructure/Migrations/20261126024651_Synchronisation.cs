using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Synchronisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_reference",
                table: "tickets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_source",
                table: "tickets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_changed_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "submitted_by",
                table: "tickets",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            // Tickets filed before synchronisation existed last changed when they were filed, as far as anyone knows.
            migrationBuilder.Sql("UPDATE tickets SET last_changed_at = submitted_at WHERE last_changed_at < '1900-01-01';");

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_external_source_external_reference",
                table: "tickets",
                columns: new[] { "external_source", "external_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_last_changed_at_id",
                table: "tickets",
                columns: new[] { "last_changed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_submitted_by",
                table: "tickets",
                column: "submitted_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropIndex(
                name: "ix_tickets_external_source_external_reference",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_last_changed_at_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_submitted_by",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "external_reference",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "external_source",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "last_changed_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "submitted_by",
                table: "tickets");
        }
    }
}
