//! `IntoResponse` for errcat errors. The impl must live in the crate that defines each error
//! type, so generated and derived code invoke [`__impl_into_response!`](crate::__impl_into_response),
//! which expands to the impl when errcat's `axum` feature is on and to nothing otherwise.

/// Implements `axum_core::response::IntoResponse` for an [`HttpError`](crate::HttpError) type:
/// `{impl generics} Type, {where predicates}`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_into_response {
    ({$($generics:tt)*} $ty:ty, {$($bounds:tt)*}) => {
        impl<$($generics)*> $crate::__private::axum_core::response::IntoResponse for $ty where $($bounds)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::HttpError::to_http_response(&self).map($crate::__private::axum_core::body::Body::from)
            }
        }
    };
}
