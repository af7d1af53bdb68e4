-- CreateIndex
CREATE INDEX "event_id_start_date_idx" ON "event"("id", "start_date");
