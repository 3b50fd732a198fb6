using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class HardeningWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "claim_token",
                table: "webhook_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claimed_until",
                table: "webhook_deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "return_visit_pending",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_return_visit_pending",
                table: "tickets",
                column: "return_visit_pending",
                filter: "return_visit_pending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_return_visit_pending",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "claim_token",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "return_visit_pending",
                table: "tickets");
        }
    }
}
