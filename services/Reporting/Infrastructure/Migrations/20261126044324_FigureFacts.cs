using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FigureFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "chamber_id",
                table: "ticket_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_contact_at",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_contact_due",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "public_notices",
                table: "ticket_records",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "reminders",
                table: "ticket_records",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "requester_kind",
                table: "ticket_records",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "responded_at",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "stage_reply_due",
                table: "ticket_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supervisions",
                table: "ticket_records",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "urges",
                table: "ticket_records",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "chamber_id",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "first_contact_at",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "first_contact_due",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "public_notices",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "reminders",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "requester_kind",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "responded_at",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "stage_reply_due",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "supervisions",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "urges",
                table: "ticket_records");
        }
    }
}
