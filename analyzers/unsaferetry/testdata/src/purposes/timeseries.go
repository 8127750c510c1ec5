package purposes

import (
	"context"
	"time"
)

// SeriesClient is the generated RPC client of a time-series database.
type SeriesClient interface {
	InsertRecord(ctx context.Context, req *InsertRecordReq) (*SeriesStatus, error)
	CreateTimeseries(ctx context.Context, req *CreateTimeseriesReq) (*SeriesStatus, error)
	CreateMultiTimeseries(ctx context.Context, req *CreateMultiTimeseriesReq) (*SeriesStatus, error)
	CreateAlignedTimeseries(ctx context.Context, req *CreateAlignedTimeseriesReq) (*SeriesStatus, error)
	CreateReport(ctx context.Context, req *CreateReportReq) (*SeriesStatus, error)
	InsertRows(ctx context.Context, req *InsertRowsReq) (*SeriesStatus, error)
}

// InsertRowsReq carries rows the server gives ids to.
type InsertRowsReq struct {
	Collection string
	Rows       [][]byte
}

type SeriesStatus struct{ Code int32 }

type InsertRecordReq struct {
	Device       string
	Measurements []string
	Values       []byte
	Timestamp    int64
}

type CreateTimeseriesReq struct {
	Path     string
	DataType int32
}

type CreateMultiTimeseriesReq struct {
	Paths     []string
	DataTypes []int32
}

// CreateAlignedTimeseriesReq creates PrefixPath.m for each measurement m.
type CreateAlignedTimeseriesReq struct {
	SessionID    int64
	PrefixPath   string
	Measurements []string
}

type CreateReportReq struct {
	Series []string
	From   int64
}

// WritePoint: only the name says insert, and the points carry their
// timestamps, by which a time-series store keys them, overwriting a
// repeat: a check, not a finding.
func WritePoint(ctx context.Context, c SeriesClient, device string, ts int64, v []byte) error {
	req := &InsertRecordReq{Device: device, Measurements: []string{"temp"}, Values: v, Timestamp: ts}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = c.InsertRecord(ctx, req); err == nil { // check: points keyed by timestamp
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// DefineSeries creates series at the paths the caller chose: a repeat is
// refused as existing.
func DefineSeries(ctx context.Context, c SeriesClient, path string, paths []string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = c.CreateTimeseries(ctx, &CreateTimeseriesReq{Path: path}); err != nil {
			time.Sleep(time.Second)
			continue
		}
		if _, err = c.CreateMultiTimeseries(ctx, &CreateMultiTimeseriesReq{Paths: paths}); err != nil {
			time.Sleep(time.Second)
			continue
		}
		if _, err = c.CreateAlignedTimeseries(ctx, &CreateAlignedTimeseriesReq{SessionID: 1, PrefixPath: path, Measurements: paths}); err == nil {
			return nil
		}
	}
	return err
}

// Report creates a report the server names, from series it only reads.
func Report(ctx context.Context, c SeriesClient, series []string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = c.CreateReport(ctx, &CreateReportReq{Series: series, From: 0}); err == nil { // check: only a name (no body twice can see) says it adds something
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// AddRows inserts rows without timestamps: each insert adds rows with new
// ids, so a repeat adds them again.
func AddRows(ctx context.Context, c SeriesClient, rows [][]byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = c.InsertRows(ctx, &InsertRowsReq{Collection: "vectors", Rows: rows}); err == nil { // check: only a name (no body twice can see) says it adds something
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
